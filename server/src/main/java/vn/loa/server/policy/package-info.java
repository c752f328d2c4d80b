/**
 * The one place authorisation is decided, for every entry point alike: which stations a user answers
 * for, who may air which class there, when an EMERGENCY needs a second officer, which issuer level a
 * user speaks at, and who may change which library item. It takes the domain {@link
 * vn.loa.server.auth.Principal}, never an HTTP request, and refuses with {@link
 * vn.loa.server.policy.PolicyRefusal}, which the HTTP layer renders; a rule written here is a rule the
 * next endpoint cannot forget.
 */
package vn.loa.server.policy;
