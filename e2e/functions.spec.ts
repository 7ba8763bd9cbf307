import { expect, sendEvent, test, waitForRun } from "./fixtures";

test("the functions page lists each function with its failure handler and its failures", async ({ page, request }) => {
  const eventId = await sendEvent(request, "test/plug.retriable", { case: "functions" });
  await waitForRun(request, { eventId, functionId: "retriable-fn", status: "FAILED" });
  await page.goto("/functions");

  const row = page.locator('[data-testid="function-row"][data-function-id="retriable-fn"]');
  await expect(row).toContainText("Retriable function");
  await expect(row).toContainText("test/plug.retriable");
  await expect(row.getByTestId("failure-handler")).toContainText("retriable-fn-failure");
  // The handler belongs to its function: it has no row of its own.
  await expect(page.locator('[data-function-id="retriable-fn-failure"]')).toHaveCount(0);
  const failed = row.getByTestId("failed-24h");
  await expect(failed).toHaveText(/^[1-9]\d*$/);
  await expect(row).toContainText("%");
  await expect(page.locator('[data-function-id="sleepy-fn"]').getByTestId("failure-handler")).toHaveText("none");
  await page.screenshot({ path: test.info().outputPath("functions.png"), fullPage: true });

  await failed.click();
  await expect(page).toHaveURL(/function=retriable-fn&status=FAILED/);
  await expect(page.getByTestId("run-row").first()).toContainText("Retriable function");
  await page.screenshot({ path: test.info().outputPath("functions-failed-runs.png"), fullPage: true });
});
