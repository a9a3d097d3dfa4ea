package org.threelists.resource.api;

import org.threelists.testing.problems.ChineseRefusalsContract;

import java.util.Map;

/** Refusals reach the console's users in Chinese: every one this service makes, and these as examples. */
class ProblemsInChineseTest extends ChineseRefusalsContract {

    @Override
    protected Map<String, String> examples() {
        return Map.of(
                "Only 2 VOLUNTEER_HOURS left in 2026-12, 5 asked", "2026-12 仅剩 2 志愿服务小时，申请了 5",
                "Cannot withdraw resource r-1 in state WITHDRAWN", "当前状态为“已撤回”，不能撤回资源 r-1",
                "Project p-1 already consumed 3 in TOTAL", "项目 p-1 在 TOTAL 已使用 3");
    }
}
