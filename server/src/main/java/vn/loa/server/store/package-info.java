/** The durable store: the connection pool and schema, batch writers, and storage health (full disk, lost database). */
package vn.loa.server.store;
