/** Who the server is to its receivers: the Ed25519 key WELCOME is signed with, and optional TLS. */
package vn.loa.server.identity;
