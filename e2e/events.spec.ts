import { expect, test } from "./fixtures";

test("sending an event from the Events page starts a run that appears in the runs list", async ({ page }) => {
  const tag = `e2e-${Date.now()}`;
  await page.goto("/events");
  await page.getByLabel("Name", { exact: true }).fill("job/foobar");
  await page.getByLabel("Data (JSON object)").fill(JSON.stringify({ tag }));
  await page.getByRole("button", { name: "Send event" }).click();

  const sent = page.getByTestId("sent-event");
  await expect(sent).toContainText("Sent");
  const runLink = sent.getByRole("link", { name: "some job" });
  await expect(runLink).toBeVisible();
  await expect(sent.locator("[data-status]")).toHaveAttribute("data-status", "COMPLETED");
  const eventId = (await sent.locator("a.font-mono").first().textContent())!;
  await page.screenshot({ path: test.info().outputPath("events-sent.png"), fullPage: true });

  await page.goto(`/?q=${eventId}`);
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await expect(page.getByTestId("run-row")).toContainText("some job");

  await page.goto(`/events/${eventId}`);
  await expect(page.getByText(tag)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("event-detail.png"), fullPage: true });
});

test("the Send event form explains bad input next to the field and sends nothing", async ({ page }) => {
  await page.goto("/events");
  await page.getByLabel("Name", { exact: true }).fill("inngest/function.failed");
  await page.getByLabel("Data (JSON object)").fill("{not json");
  await page.getByRole("button", { name: "Send event" }).click();
  await expect(page.getByText("Names starting with inngest/ are reserved for the system")).toBeVisible();
  await expect(page.getByText(/Not valid JSON/)).toBeVisible();
  await page.getByLabel("Data (JSON object)").fill("[1, 2]");
  await page.getByRole("button", { name: "Send event" }).click();
  await expect(page.getByText("Data must be a JSON object")).toBeVisible();
  await expect(page.getByTestId("sent-event")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("events-form-errors.png"), fullPage: true });
});

test("a failure event links to the run that failed", async ({ page, request }) => {
  const res = await request.post("/api/events", { data: { name: "test/non-retriable", data: { message: "link me" } } });
  const eventId = (await res.json()).ids[0];
  let failureEventId: string | undefined;
  await expect.poll(async () => {
    const runs = await (await request.get(`/api/runs?q=${eventId}`)).json();
    const run = runs.runs.find((r: { status: string }) => r.status === "FAILED");
    if (!run) return undefined;
    const detail = await (await request.get(`/api/runs/${run.id}`)).json();
    failureEventId = detail.failureEvent?.id;
    return failureEventId;
  }).toBeTruthy();
  await page.goto(`/events/${failureEventId}`);
  await expect(page.getByTestId("failed-run-link")).toContainText("Failed run of Non-retriable function");
  await page.getByTestId("failed-run-link").click();
  await expect(page.getByTestId("error-message").first()).toHaveText("link me");
});
