/**
 * Requests held for a second officer: a broadcast or schedule entry the policy will not put on air on
 * one officer's word (an EMERGENCY over more communes than configured) waits here, persisted, until
 * another officer confirms it, someone rejects it, or it expires.
 */
package vn.loa.server.confirm;
