/** Who is calling: users, roles, scopes and their hashed tokens, and the station secrets receivers prove themselves with. */
package vn.loa.server.auth;
