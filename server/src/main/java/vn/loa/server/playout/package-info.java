/** The heart: per-station arbitration of sessions by class, streaming in real time, preemption and resume; publishes typed session events and knows nothing of HTTP. */
package vn.loa.server.playout;
