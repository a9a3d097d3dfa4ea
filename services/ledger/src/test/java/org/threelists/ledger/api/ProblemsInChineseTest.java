package org.threelists.ledger.api;

import org.threelists.testing.problems.ChineseRefusalsContract;

import java.util.Map;

/** Refusals reach the console's users in Chinese: every one this service makes, and these as examples. */
class ProblemsInChineseTest extends ChineseRefusalsContract {

    @Override
    protected Map<String, String> examples() {
        return Map.of(
                "Statement TL-1 is revoked already", "工时证明 TL-1 已经撤销",
                "Only the desk of street dianqian may correct its entries", "只有街道 dianqian 的协调台可以更正其台账条目",
                "Entry e-1 does not exist", "台账条目 e-1 不存在");
    }
}
