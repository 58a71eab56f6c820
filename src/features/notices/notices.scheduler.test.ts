import { describe, expect, it, vi } from "vitest";
import { scheduleNoticeExpiry } from "./notices.scheduler.ts";
import type { NoticesService } from "./notices.service.ts";

const quietLog = () =>
  ({ info: vi.fn(), error: vi.fn() }) as unknown as Parameters<typeof scheduleNoticeExpiry>[1];

describe("notice expiry inside the server", () => {
  it("runs at start and at every interval as the operator, and survives a failing run", async () => {
    vi.useFakeTimers();
    const expireDue = vi
      .fn()
      .mockRejectedValueOnce(new Error("database restarting"))
      .mockResolvedValue({ expired: [{ id: "n1" }], dueSoon: [] });
    const log = quietLog();
    const stop = scheduleNoticeExpiry({ expireDue } as unknown as NoticesService, log, 1000);
    await vi.advanceTimersByTimeAsync(0);
    expect(expireDue).toHaveBeenCalledTimes(1);
    expect(expireDue.mock.calls[0]?.[0]).toMatchObject({ kind: "system", country: "XG" });
    expect(log.error).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(expireDue).toHaveBeenCalledTimes(3);
    expect(log.info).toHaveBeenCalled();
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(expireDue).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });
});
