/** From a request to a plan and a journaled session: targets resolved, media checked, the session written down before it airs and put back on air after a crash. */
package vn.loa.server.broadcast;
