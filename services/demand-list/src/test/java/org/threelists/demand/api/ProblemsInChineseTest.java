package org.threelists.demand.api;

import org.threelists.testing.problems.ChineseRefusalsContract;

import java.util.Map;

/** Refusals reach the console's users in Chinese: every one this service makes, and these as examples. */
class ProblemsInChineseTest extends ChineseRefusalsContract {

    @Override
    protected Map<String, String> examples() {
        return Map.of(
                "Cannot verify demand d-1 in state WITHDRAWN", "当前状态为“已撤回”，不能核实需求 d-1",
                "description: must not be blank", "description：不能为空",
                "Cannot withdraw demand d-1: slip s-1 is open", "三联单 s-1 尚未办结，不能撤回需求 d-1");
    }
}
