/** The as-run log: what aired on which station, when, and how it ended; written in batches, read by reports. */
package vn.loa.server.asrun;
