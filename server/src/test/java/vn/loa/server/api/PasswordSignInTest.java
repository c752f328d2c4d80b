package vn.loa.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;

/**
 * Issue 15: people sign in with a name and password and get a session cookie; a change made on that
 * cookie needs the CSRF token and no foreign Origin; sign-out, disabling and a password reset end
 * sessions; bearer tokens work as before; no password reaches the audit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordSignInTest {
    private static final String JSON = "application/json";
    private static final String ADMIN_PASSWORD = "mat-khau-quan-tri-1";
    private static final String OPERATOR_PASSWORD = "Loa-xa-A-2026!";
    TestServer server;
    int port;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // Plenty of failures per address: the rate limit has its own test class, with a server of its own.
        server = new TestServer(dir, null, "none", "http:\n  loginFailuresPerAddress: 1000\n");
        port = server.httpPort();
        create("quan-tri", "admin", ADMIN_PASSWORD);
        create("op-a", "operator", OPERATOR_PASSWORD, "commune-a");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void create(String name, String role, String password, String... scopes) {
        String body = "{\"name\":\"%s\",\"role\":\"%s\",\"password\":\"%s\",\"scopes\":[%s]}".formatted(name, role, password,
                String.join(",", java.util.Arrays.stream(scopes).map(a -> "\"" + a + "\"").toList()));
        TestServer.Reply reply = server.post("/api/users", JSON, body);
        assertEquals(201, reply.status(), reply.toString());
        assertTrue(reply.body().get("user").get("hasPassword").asBoolean());
    }

    @Test
    void aRightPasswordGivesAnHttpOnlyStrictCookieAndTheSessionActsAsTheUser() {
        Browserless b = new Browserless(port);
        Browserless.Answer login = b.login("op-a", OPERATOR_PASSWORD);
        assertEquals(200, login.status(), String.valueOf(login.body()));
        assertEquals("operator", login.body().get("role").asText());
        String cookie = login.setCookie();
        assertTrue(cookie.startsWith("loa_session="), cookie);
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict") && cookie.contains("; Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back: " + cookie);
        assertFalse(login.body().toString().contains(b.cookie), "the cookie value is not in the body, where scripts read");

        Browserless.Answer me = b.get("/api/me");
        assertEquals(200, me.status());
        assertEquals("op-a", me.body().get("name").asText());
        assertEquals(b.csrf, me.body().get("csrf").asText(), "a reloaded console gets its CSRF token again");
        assertEquals(7, b.get("/api/stations").body().size(), "scopes hold on a cookie session as on a token");
        assertEquals(403, b.get("/api/stations/st-08").status());
        assertEquals(403, b.get("/api/users").status(), "an operator is no admin, whatever the credential");
    }

    @Test
    void aWrongPasswordAnUnknownNameADisabledUserAndATokenOnlyUserAllGetTheSame401() {
        server.user("chi-token", "operator", "commune-a");
        create("se-tat", "operator", "mat-khau-se-tat-1", "commune-a");
        assertEquals(200, server.put("/api/users/se-tat", "{\"role\":\"operator\",\"scopes\":[\"commune-a\"],\"disabled\":true}").status());
        Browserless b = new Browserless(port);
        Browserless.Answer wrong = b.login("op-a", "not-the-password");
        for (Browserless.Answer a : new Browserless.Answer[] {wrong, b.login("khong-co-ai", OPERATOR_PASSWORD),
                b.login("se-tat", "mat-khau-se-tat-1"), b.login("chi-token", "anything-at-all"), b.login("op-a", "")}) {
            assertEquals(401, a.status(), String.valueOf(a.body()));
            assertEquals("login_refused", a.code());
            assertTrue(a.body().get("error").asText().endsWith("': the name or password is wrong, or the user is disabled"),
                    "nothing tells which part was wrong: " + a.body());
            assertNull(a.setCookie());
        }
    }

    @Test
    void aChangeOnACookieSessionNeedsTheCsrfTokenAndNoForeignOrigin() {
        Browserless b = new Browserless(port);
        assertEquals(200, b.login("quan-tri", ADMIN_PASSWORD).status());
        String user = "{\"name\":\"%s\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}";
        Browserless.Answer bare = b.send("POST", "/api/users", user.formatted("csrf-1"), Map.of());
        assertEquals(403, bare.status());
        assertEquals("csrf_refused", bare.code());
        Browserless.Answer wrongToken = b.send("POST", "/api/users", user.formatted("csrf-2"),
                Map.of("X-CSRF-Token", "guessed", "Origin", "http://127.0.0.1:" + port));
        assertEquals(403, wrongToken.status());
        Browserless.Answer foreign = b.send("POST", "/api/users", user.formatted("csrf-3"),
                Map.of("X-CSRF-Token", b.csrf, "Origin", "https://evil.example"));
        assertEquals(403, foreign.status());
        assertEquals("csrf_refused", foreign.code());
        Browserless.Answer crossSite = b.send("POST", "/api/users", user.formatted("csrf-4"),
                Map.of("X-CSRF-Token", b.csrf, "Sec-Fetch-Site", "cross-site"));
        assertEquals(403, crossSite.status());
        for (String refused : new String[] {"csrf-1", "csrf-2", "csrf-3", "csrf-4"}) {
            assertEquals(404, server.get("/api/users/" + refused).status(), refused + " was not created");
        }
        assertEquals(201, b.change("POST", "/api/users", user.formatted("csrf-ok")).status());
        assertEquals(200, b.get("/api/users").status(), "reading needs no CSRF token");
        Browserless.Answer foreignLogin = b.send("POST", "/api/login",
                "{\"name\":\"quan-tri\",\"password\":\"" + ADMIN_PASSWORD + "\"}", Map.of("Origin", "https://evil.example"));
        assertEquals(403, foreignLogin.status(), "no signing a victim in from another site either");
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() {
        Browserless b = new Browserless(port);
        assertEquals(200, b.login("op-a", OPERATOR_PASSWORD).status());
        String old = b.cookie;
        Browserless.Answer out = b.change("POST", "/api/logout", "{}");
        assertEquals(200, out.status());
        assertTrue(out.setCookie().startsWith("loa_session=;") && out.setCookie().contains("Max-Age=0"), out.setCookie());
        b.cookie = old;
        Browserless.Answer after = b.get("/api/me");
        assertEquals(401, after.status());
        assertEquals("session_expired", after.code());
    }

    @Test
    void disablingAUserOrResettingTheirPasswordEndsTheirSessions() {
        create("bi-tat", "operator", "mat-khau-bi-tat-1", "commune-a");
        create("bi-dat-lai", "operator", "mat-khau-cu-123", "commune-a");
        Browserless disabled = new Browserless(port);
        Browserless reset = new Browserless(port);
        assertEquals(200, disabled.login("bi-tat", "mat-khau-bi-tat-1").status());
        assertEquals(200, reset.login("bi-dat-lai", "mat-khau-cu-123").status());

        assertEquals(200, server.put("/api/users/bi-tat", "{\"role\":\"operator\",\"scopes\":[\"commune-a\"],\"disabled\":true}").status());
        assertEquals(401, disabled.get("/api/me").status());
        assertEquals(200, server.put("/api/users/bi-tat", "{\"role\":\"operator\",\"scopes\":[\"commune-a\"],\"disabled\":false}").status());
        assertEquals(401, disabled.get("/api/me").status(), "enabling again does not bring the old session back");

        TestServer.Reply weak = server.post("/api/users/bi-dat-lai/password", JSON, "{\"password\":\"ngan\"}");
        assertEquals(400, weak.status());
        assertEquals("weak_password", weak.body().get("code").asText());
        assertEquals(200, reset.get("/api/me").status(), "a refused reset changes nothing");
        assertEquals(200, server.post("/api/users/bi-dat-lai/password", JSON, "{\"password\":\"mat-khau-moi-456\"}").status());
        assertEquals(401, reset.get("/api/me").status());
        assertEquals(401, new Browserless(port).login("bi-dat-lai", "mat-khau-cu-123").status());
        assertEquals(200, new Browserless(port).login("bi-dat-lai", "mat-khau-moi-456").status());
        assertEquals(404, server.post("/api/users/khong-co/password", JSON, "{\"password\":\"mat-khau-moi-456\"}").status());
    }

    @Test
    void everyoneChangesTheirOwnPasswordKnowingTheOldOne() {
        create("doi-mk", "technician", "mat-khau-dau-tien", "commune-c");
        Browserless b = new Browserless(port);
        Browserless other = new Browserless(port);
        assertEquals(200, b.login("doi-mk", "mat-khau-dau-tien").status());
        assertEquals(200, other.login("doi-mk", "mat-khau-dau-tien").status());
        Browserless.Answer wrongOld = b.change("POST", "/api/me/password", "{\"password\":\"sai-roi-sai-roi\",\"newPassword\":\"mat-khau-thu-hai\"}");
        assertEquals(400, wrongOld.status());
        assertEquals("wrong_password", wrongOld.code());
        Browserless.Answer weak = b.change("POST", "/api/me/password", "{\"password\":\"mat-khau-dau-tien\",\"newPassword\":\"ngan\"}");
        assertEquals("weak_password", weak.code());
        String before = b.cookie;
        Browserless.Answer changed = b.change("POST", "/api/me/password",
                "{\"password\":\"mat-khau-dau-tien\",\"newPassword\":\"mat-khau-thu-hai\"}");
        assertEquals(200, changed.status(), String.valueOf(changed.body()));
        b.take(changed);
        assertNotEquals(before, b.cookie, "this browser carries on in a new session");
        assertEquals("doi-mk", b.get("/api/me").body().get("name").asText());
        assertEquals(401, other.get("/api/me").status(), "the other browser signed in with the old password is out");
        assertEquals(401, new Browserless(port).login("doi-mk", "mat-khau-dau-tien").status());
        assertEquals(200, new Browserless(port).login("doi-mk", "mat-khau-thu-hai").status());
    }

    @Test
    void bearerTokensStillWorkAndNeedNoCsrfToken() {
        String token = server.user("script-a", "operator", "commune-a");
        assertEquals("script-a", server.as(token).get("/api/me").body().get("name").asText());
        assertFalse(server.as(token).get("/api/me").body().has("csrf"), "a token is no browser session");
        assertEquals(201, server.as(TestServer.ADMIN_TOKEN).post("/api/users", JSON,
                "{\"name\":\"by-bearer\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}").status());
        Browserless b = new Browserless(port);
        Browserless.Answer bearerWins = b.send("GET", "/api/me", null, Map.of("Authorization", "Bearer " + token));
        assertEquals("script-a", bearerWins.body().get("name").asText());
    }

    @Test
    void noPasswordEverReachesTheAudit() {
        create("kiem-toan", "operator", "Mat-khau-bi-mat-99", "commune-a");
        Browserless b = new Browserless(port);
        b.login("kiem-toan", "Sai-bi-mat-77-xyz");
        assertEquals(200, b.login("kiem-toan", "Mat-khau-bi-mat-99").status());
        b.change("POST", "/api/me/password", "{\"password\":\"Mat-khau-bi-mat-99\",\"newPassword\":\"Moi-bi-mat-88-abc\"}");
        server.post("/api/users/kiem-toan/password", JSON, "{\"password\":\"Dat-lai-bi-mat-66\"}");
        String audit = server.get("/api/audit?limit=10000").body().toString();
        for (String secret : new String[] {"Mat-khau-bi-mat-99", "Sai-bi-mat-77-xyz", "Moi-bi-mat-88-abc", "Dat-lai-bi-mat-66",
                ADMIN_PASSWORD, OPERATOR_PASSWORD}) {
            assertFalse(audit.contains(secret), "the audit holds a password: " + secret);
        }
        assertTrue(audit.contains("POST /api/login"), audit);
        assertTrue(audit.contains("\\\"password\\\":\\\"***\\\""), "the body is there, masked");
        assertNotNull(b.cookie);
    }
}
