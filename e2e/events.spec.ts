import { expect, sendEvent, test, waitForRun } from "./fixtures";

test("sending an event from the Events page starts a run that appears in the runs list", async ({ page }) => {
  const tag = `e2e-${Date.now()}`;
  await page.goto("/events");
  await page.getByLabel("Name", { exact: true }).fill("job/foobar");
  await page.getByLabel("Data (JSON object)").fill(JSON.stringify({ tag }));
  await page.getByRole("button", { name: "Send event" }).click();

  const sent = page.getByTestId("sent-event");
  await expect(sent).toContainText("Sent");
  const eventId = (await sent.getByTestId("sent-event-id").textContent())!;
  expect(eventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  // The run it started, linked, followed until it completes.
  const runRow = sent.getByTestId("sent-event-run");
  await expect(runRow).toHaveCount(1);
  await expect(runRow.getByRole("link", { name: "some job" })).toBeVisible();
  await expect(runRow.locator("[data-status]")).toHaveAttribute("data-status", "COMPLETED");
  // The list shows the new event without a reload.
  await expect(page.locator(`[data-testid="event-row"][data-event-id="${eventId}"]`)).toContainText("job/foobar");
  await page.screenshot({ path: test.info().outputPath("events-sent.png"), fullPage: true });

  await page.goto(`/?q=${eventId}`);
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await expect(page.getByTestId("run-row")).toContainText("some job");
  await page.screenshot({ path: test.info().outputPath("runs-of-sent-event.png"), fullPage: true });

  await page.goto(`/events/${eventId}`);
  await expect(page.getByText(tag)).toBeVisible();
  await expect(page.getByTestId("run-row")).toContainText("some job");
  await page.screenshot({ path: test.info().outputPath("event-detail.png"), fullPage: true });
});

test("the Send event form explains bad input next to the field and sends nothing", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (r) => { if (r.method() === "POST" && r.url().includes("/api/events")) posts.push(r.url()); });
  await page.goto("/events");
  const name = page.getByLabel("Name", { exact: true });
  const data = page.getByLabel("Data (JSON object)");

  await name.fill("inngest/function.failed");
  await data.fill("{not json");
  await page.getByRole("button", { name: "Send event" }).click();
  await expect(page.locator("#send-name-error")).toHaveText("Names starting with inngest/ are reserved for the system");
  await expect(page.locator("#send-data-error")).toContainText("Not valid JSON");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(data).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: test.info().outputPath("events-form-errors.png"), fullPage: true });

  await name.fill("");
  await data.fill("[1, 2]");
  await page.getByRole("button", { name: "Send event" }).click();
  await expect(page.locator("#send-name-error")).toHaveText("Give the event a name, e.g. job/foobar");
  await expect(page.locator("#send-data-error")).toContainText("Data must be a JSON object");

  // Fixing a field clears its message.
  await data.fill('{"ok": true}');
  await expect(page.locator("#send-data-error")).toHaveCount(0);
  await expect(page.getByTestId("sent-event")).toHaveCount(0);
  expect(posts).toEqual([]);
});

test("a failure event links to the run that failed", async ({ page, request }) => {
  const eventId = await sendEvent(request, "test/non-retriable", { message: "link me" });
  const run = await waitForRun(request, { eventId, functionId: "non-retriable-fn", status: "FAILED" });
  const detail = await (await request.get(`/api/runs/${run.id}`)).json();

  await page.goto(`/events/${detail.failureEvent.id}`);
  const link = page.getByTestId("failed-run-link");
  await expect(link).toContainText(`Failed run: ${run.id} of Non-retriable function`);
  await page.screenshot({ path: test.info().outputPath("failure-event-link.png"), fullPage: true });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));
  await expect(page.getByTestId("error-message").first()).toHaveText("link me");
});

test("the events list filters by exact name and by id, and loads older events a page at a time", async ({ page, request }) => {
  const name = `e2e/paging-${Date.now()}`;
  const res = await request.post("/api/events", { data: Array.from({ length: 55 }, (_, i) => ({ name, id: `paging-${name}-${i}`, data: { i } })) });
  expect(res.status()).toBe(200);
  const ids: string[] = (await res.json()).ids;

  await page.goto("/events");
  await page.getByLabel("Event name").fill(name);
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("name") === name);
  const rows = page.getByTestId("event-row");
  await expect(rows).toHaveCount(50);
  await page.getByRole("button", { name: "Load older events" }).click();
  await expect(rows).toHaveCount(55);
  await expect(page.getByRole("button", { name: "Load older events" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("events-paged.png"), fullPage: true });

  // The sender's id finds the event as well as ours does.
  await page.goto(`/events?q=paging-${encodeURIComponent(name)}-7`);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(ids[7]);
  await page.goto(`/events?q=${ids[3]}`);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`paging-${name}-3`);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/events$/);
  await page.screenshot({ path: test.info().outputPath("events-list.png"), fullPage: true });
});
