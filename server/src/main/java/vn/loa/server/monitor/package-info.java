/** What technicians watch: live events, faults and what each station plays, fed by the registry and playout's session events. */
package vn.loa.server.monitor;
