/** Receiver connections: the handshake with its caps and the server's signature, commands numbered in wire order, STATUS bounded, audio written without blocking an event loop. */
package vn.loa.server.gateway;
