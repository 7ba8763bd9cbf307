import { expect, test } from "./fixtures";

// The nonce CSP must not block the app's own scripts: if hydration failed, the login form would
// fall back to a plain GET submit and show nothing.
test("pages hydrate under the Content-Security-Policy, and nothing violates it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto("/login");
  await page.getByLabel("Password").fill("anything");
  await page.getByRole("button", { name: "Sign in" }).click();
  // This server has no DASHBOARD_PASSWORD, so the API refuses with its reason, shown in the page.
  await expect(page.getByRole("alert").filter({ hasText: "logins are off" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("login.png"), fullPage: true });
  expect(violations).toEqual([]);
});
