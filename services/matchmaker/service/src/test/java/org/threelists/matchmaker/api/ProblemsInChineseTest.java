package org.threelists.matchmaker.api;

import org.threelists.testing.problems.ChineseRefusalsContract;

import java.util.Map;

/** Refusals reach the console's users in Chinese: every one this service makes, and these as examples. */
class ProblemsInChineseTest extends ChineseRefusalsContract {

    @Override
    protected Map<String, String> examples() {
        return Map.of(
                "Cannot publish project p-1 in state CANCELLED", "当前状态为“已取消”，不能发布项目 p-1",
                "resourceId: offer r-1 does not offer HEALTH", "resourceId：资源 r-1 不提供“健康医疗”",
                "Project p-1 is already claimed by another unit (awaiting the reservation of its capacity)", "项目 p-1 已被其他单位认领（正在确认服务能力预留）");
    }
}
