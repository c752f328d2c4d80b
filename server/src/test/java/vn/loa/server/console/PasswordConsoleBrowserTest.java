package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.loa.server.TestServer;

/**
 * Issue 15 in a real Chromium, on a desktop and on a phone: an admin signs in with a password, the
 * session survives a reload, the admin creates an operator with a password on the users page and signs
 * out; the operator signs in and changes their password. Screenshots of each page at both sizes.
 */
class PasswordConsoleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ADMIN_PASSWORD = "quan-tri-mat-khau-1";
    @TempDir
    Path dir;
    TestServer server;
    Browser browser;
    String base;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        assertEquals(201, server.post("/api/users", "application/json",
                "{\"name\":\"quan-tri\",\"displayName\":\"Quản trị huyện\",\"role\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}").status());
        base = "http://127.0.0.1:" + server.httpPort();
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        browser.close();
        server.close();
    }

    @Test
    void anAdminCreatesAnOperatorWhoSignsInAndChangesTheirPassword() throws Exception {
        walk(1400, 900, "desktop", "can-bo-xa-a");
        walk(390, 844, "phone", "can-bo-xa-b");
    }

    private void walk(int width, int height, String size, String operator) throws Exception {
        var driver = browser.driver;
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().deleteAllCookies();
        driver.get(base + "/#/login");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("login-name")).isEmpty());
        assertFalse(driver.findElement(By.id("token")).isDisplayed(), "signing in with a token is the folded second way");
        assertEquals("Tên đăng nhập", driver.findElement(By.cssSelector("label[for=login-name]")).getText());
        fitsWidth("login " + size);
        browser.screenshot("auth-login-" + size);

        // A wrong password says so in Vietnamese; the right one signs in.
        signIn("quan-tri", "not-the-password");
        await().atMost(WAIT).until(() -> driver.findElement(By.id("password-error")).isDisplayed());
        assertEquals("Tên đăng nhập hoặc mật khẩu không đúng.", text(By.id("password-error")));
        browser.screenshot("auth-login-refused-" + size);
        signIn("quan-tri", ADMIN_PASSWORD);
        await().atMost(WAIT).until(() -> text(By.id("who")).startsWith("quan-tri"));
        assertEquals(Boolean.FALSE, js("return document.cookie.includes('loa_session')"), "the session cookie is HttpOnly");
        assertEquals(Boolean.TRUE, js("return sessionStorage.getItem('loa.token') === null"), "no token kept in the tab");

        // The session is the browser's, not the tab's: a reload keeps it.
        driver.navigate().refresh();
        await().atMost(WAIT).until(() -> text(By.id("who")).startsWith("quan-tri"));

        // The users page: create an operator for Xã A with a first password.
        click(By.cssSelector("#nav a[href='#/users']"));
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("new-name")).isEmpty()
                && !driver.findElements(By.cssSelector("[data-user=quan-tri]")).isEmpty());
        assertEquals("Người dùng", text(By.cssSelector("main h1")));
        driver.findElement(By.id("new-name")).sendKeys(operator);
        driver.findElement(By.id("new-display")).sendKeys("Cán bộ xã");
        new Select(driver.findElement(By.id("new-role"))).selectByValue("operator");
        click(By.cssSelector("#new-scopes input[value=commune-a]"));
        driver.findElement(By.id("new-password")).sendKeys("ngan");
        click(By.id("new-create"));
        assertEquals(Boolean.TRUE, js("return document.getElementById('new-password').matches(':invalid')"),
                "a short password is stopped in the form");
        assertEquals(404, server.get("/api/users/" + operator).status());
        driver.findElement(By.id("new-password")).clear();
        driver.findElement(By.id("new-password")).sendKeys("mat-khau-dau-tien");
        driver.findElement(By.id("new-name")).clear();
        driver.findElement(By.id("new-name")).sendKeys("quan-tri");
        click(By.id("new-create"));
        await().atMost(WAIT).until(() -> driver.findElement(By.id("new-error")).isDisplayed());
        assertEquals("Tên đăng nhập này đã có người dùng.", text(By.id("new-error")), "the server's refusal, translated");
        driver.findElement(By.id("new-name")).clear();
        driver.findElement(By.id("new-name")).sendKeys(operator);
        click(By.id("new-create"));
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector("[data-user='" + operator + "']")).isEmpty());
        JsonNode created = server.get("/api/users/" + operator).body();
        assertEquals("operator", created.get("role").asText());
        assertEquals("[\"commune-a\"]", created.get("scopes").toString());
        assertTrue(created.get("hasPassword").asBoolean());
        fitsWidth("users " + size);
        js("window.scrollTo(0, 0)");
        browser.screenshot("auth-users-" + size);
        click(By.cssSelector("[data-user='" + operator + "'] .user-edit summary"));
        assertTrue(driver.findElement(By.cssSelector("[data-user='" + operator + "'] .reset-password")).isDisplayed());
        assertFalse(driver.findElement(By.id("u-quan-tri-scopes")).isDisplayed(), "an admin's areas are everywhere: no list");
        // A token for the operator's tablet: shown once on the page, and it works on the API.
        String card = "[data-user='" + operator + "'] ";
        click(By.cssSelector(card + ".user-tokens summary"));
        driver.findElement(By.cssSelector(card + ".user-tokens input")).sendKeys("máy tính bảng");
        click(By.cssSelector(card + "button.issue"));
        await().atMost(WAIT).until(() -> !text(By.cssSelector(card + ".new-token code")).isEmpty());
        String issued = text(By.cssSelector(card + ".new-token code"));
        assertEquals(operator, server.as(issued).get("/api/me").body().get("name").asText());
        fitsWidth("users, a card open, " + size);
        js("document.querySelector(\"[data-user='" + operator + "']\").scrollIntoView()");
        browser.screenshot("auth-users-card-" + size);
        js("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.cssSelector(card + ".new-token")));
        assertTrue(text(By.cssSelector(card + ".user-tokens li")).startsWith("mã đầu tiên"), "the server's label, in Vietnamese");
        browser.screenshot("auth-users-token-" + size);

        // Sign out; the operator signs in and changes their password.
        click(By.id("logout"));
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("login-name")).isEmpty());
        signIn(operator, "mat-khau-dau-tien");
        await().atMost(WAIT).until(() -> text(By.id("who")).startsWith(operator));
        assertFalse(driver.findElement(By.cssSelector("#nav a[href='#/users']")).isDisplayed(), "no users page for an operator");
        driver.get(base + "/#/password");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("pw-old")).isEmpty());
        assertEquals("Mật khẩu phải có ít nhất 10 ký tự.", text(By.cssSelector("main .hint")));
        driver.findElement(By.id("pw-old")).sendKeys("mat-khau-dau-tien");
        driver.findElement(By.id("pw-new")).sendKeys("mat-khau-cua-toi-2");
        driver.findElement(By.id("pw-again")).sendKeys("mat-khau-cua-toi-2");
        fitsWidth("password " + size);
        browser.screenshot("auth-password-" + size);
        click(By.id("pw-submit"));
        await().atMost(WAIT).until(() -> driver.findElement(By.id("pw-done")).isDisplayed());
        browser.screenshot("auth-password-done-" + size);
        assertEquals(401, login(operator, "mat-khau-dau-tien"));
        assertEquals(200, login(operator, "mat-khau-cua-toi-2"));
        // This browser carries on in its new session: a change (sign-out, with its CSRF token) still works.
        driver.navigate().refresh();
        await().atMost(WAIT).until(() -> text(By.id("who")).startsWith(operator));
        click(By.id("logout"));
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("login-name")).isEmpty());
        List<JsonNode> outs = new java.util.ArrayList<>();
        server.get("/api/audit?action=POST%20/api/logout").body().forEach(outs::add);
        assertTrue(outs.stream().anyMatch(e -> e.get("status").asInt() == 200 && operator.equals(e.get("actor").asText())),
                "the operator's sign-out was accepted: " + outs);
    }

    private void signIn(String name, String password) {
        var driver = browser.driver;
        driver.findElement(By.id("login-name")).clear();
        driver.findElement(By.id("login-name")).sendKeys(name);
        driver.findElement(By.id("login-password")).clear();
        driver.findElement(By.id("login-password")).sendKeys(password);
        click(By.id("sign-in-password"));
    }

    private int login(String name, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void fitsWidth(String what) {
        Object overflow = js("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(((Number) overflow).longValue() <= 0, what + " scrolls sideways by " + overflow + " px");
    }

    private void click(By by) {
        browser.click(by);
    }

    private String text(By by) {
        return browser.text(by);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }
}
