/** The emergency alert workflow: draft, test on the test receivers, live with a second officer, cancel with a correction, expiry; an alert follows its session through playout's events. */
package vn.loa.server.alert;
