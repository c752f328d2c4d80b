/** The HTTP layer: one routing table, the edge that admits a request from its head, endpoints that parse, call a service and render. No rule of who may do what lives here. */
package vn.loa.server.api;
