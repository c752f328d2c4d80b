/** The station directory and the live registry of receivers: presence, status, history and the outlets playout writes to. */
package vn.loa.server.station;
