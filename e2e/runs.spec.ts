import { expect, sendEvent, test, waitForRun } from "./fixtures";

test("browsing runs and filtering to failed", async ({ page, request }) => {
  const okEvent = await sendEvent(request, "job/foobar", { case: "filter-ok" });
  const failEvent = await sendEvent(request, "test/non-retriable", { message: "filter me" });
  const ok = await waitForRun(request, { eventId: okEvent, functionId: "my-func", status: "COMPLETED" });
  const failed = await waitForRun(request, { eventId: failEvent, functionId: "non-retriable-fn", status: "FAILED" });

  await page.goto("/");
  await expect(page.locator(`[data-run-id="${ok.id}"]`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("runs-list.png"), fullPage: true });

  await page.getByTestId("status-chip-FAILED").click();
  await expect(page).toHaveURL(/\?status=FAILED$/);
  const failedRow = page.locator(`[data-run-id="${failed.id}"]`);
  await expect(failedRow).toBeVisible();
  await expect(failedRow).toContainText("NonRetriableError: filter me");
  await expect(page.locator(`[data-run-id="${ok.id}"]`)).toHaveCount(0);
  const statuses = await page.getByTestId("run-row").locator("[data-status]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  expect(new Set(statuses)).toEqual(new Set(["FAILED"]));
  await page.screenshot({ path: test.info().outputPath("runs-failed.png"), fullPage: true });

  // The URL is the view: opening it afresh shows the same filter.
  await page.goto("/?status=FAILED&function=non-retriable-fn");
  await expect(page.getByTestId("status-chip-FAILED")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("#filter-function")).toHaveValue("non-retriable-fn");
  await expect(failedRow).toBeVisible();
});

test("a failed retriable-fn run shows its error and a folded stack", async ({ page, request }) => {
  const eventId = await sendEvent(request, "test/plug.retriable", { case: "error-panel" });
  const run = await waitForRun(request, { eventId, functionId: "retriable-fn", status: "FAILED" });
  await page.goto(`/runs/${run.id}`);

  const panel = page.getByRole("region", { name: "Run failed" });
  await expect(panel.getByTestId("error-name")).toHaveText("Error");
  await expect(panel.getByTestId("error-message")).toHaveText("YOLO!!!");
  // The function's own frame is shown; the engine's and Node's are folded behind the toggle.
  await expect(panel.locator('[data-frame-kind="app"]').first()).toContainText("retriable-fn.ts");
  await expect(panel.locator('[data-frame-kind="internal"]')).toHaveCount(0);
  await expect(panel).toContainText(/dependency\/runtime frames?/);
  await panel.getByRole("button", { name: /Full trace/ }).click();
  await expect(panel.locator('[data-frame-kind="internal"]').first()).toBeVisible();
  await panel.getByRole("button", { name: "Raw" }).click();
  await expect(panel.getByTestId("raw-stack")).toContainText("at ");
  // Five attempts, each with its error, in the timeline.
  await expect(page.getByTestId("attempt")).toHaveCount(5);
  await expect(page.getByTestId("failure-event")).toContainText("invalid status code: 500");
  await page.screenshot({ path: test.info().outputPath("run-failed.png"), fullPage: true });
});

test("Retry makes a new run linked both ways", async ({ page, request }) => {
  const eventId = await sendEvent(request, "test/non-retriable", { message: "retry me" });
  const run = await waitForRun(request, { eventId, functionId: "non-retriable-fn", status: "FAILED" });
  await page.goto(`/runs/${run.id}`);
  await page.getByRole("button", { name: "Retry", exact: true }).click();
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText("Retry started");
  await toast.getByRole("link", { name: "Open the new run" }).click();

  await expect(page).not.toHaveURL(new RegExp(run.id));
  await expect(page.getByTestId("rerun-of")).toContainText(run.id);
  const newId = (await page.getByTestId("run-id").textContent())!;
  await page.screenshot({ path: test.info().outputPath("run-retry.png"), fullPage: true });

  await page.goto(`/runs/${run.id}`);
  await expect(page.getByTestId("reruns")).toContainText(newId);
  await expect(page.getByRole("region", { name: "Actions taken" })).toContainText("retried the run");
});

test("Handle failure runs the failure handler, which completes with \"error handled\"", async ({ page, request }) => {
  const eventId = await sendEvent(request, "job/foobar", { fail: true, case: "handle-failure" });
  const run = await waitForRun(request, { eventId, functionId: "my-func", status: "FAILED" });
  await page.goto(`/runs/${run.id}`);
  // The automatic handler run is already linked; Handle failure starts another, now.
  await expect(page.getByTestId("failure-handler-runs")).toBeVisible();
  const before = await page.getByTestId("failure-handler-runs").getByRole("link").count();
  await page.getByRole("button", { name: "Handle failure" }).click();
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText("Failure handler started");
  await expect(page.getByTestId("failure-handler-runs").getByRole("link")).toHaveCount(before + 1);
  await toast.getByRole("link", { name: "Open the handler run" }).click();

  await expect(page.locator("header [data-status]").first()).toHaveAttribute("data-status", "COMPLETED");
  await expect(page.getByRole("region", { name: "Output" })).toContainText('"error handled"');
  await expect(page.getByTestId("handled-run")).toContainText(run.id);
  await page.screenshot({ path: test.info().outputPath("run-failure-handler.png"), fullPage: true });
});

test("Handle failure is refused, with the reason, for a completed run", async ({ page, request }) => {
  const eventId = await sendEvent(request, "job/foobar", { case: "completed" });
  const run = await waitForRun(request, { eventId, functionId: "my-func", status: "COMPLETED" });
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByRole("region", { name: "Output" })).toContainText('"hello world"');
  const button = page.getByRole("button", { name: "Handle failure" });
  await expect(button).toBeDisabled();
  await expect(page.locator(`[title^="Only failed runs have a failure to handle"]`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel" })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath("run-completed.png"), fullPage: true });
});
