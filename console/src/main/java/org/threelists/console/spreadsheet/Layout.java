package org.threelists.console.spreadsheet;

import java.util.List;

/**
 * The sheets of the templates the console offers and reads back: a sheet's name and its columns, in Chinese as the
 * street offices' lists (清单) are kept. A cell holds what a person writes: a label (机关, 养老服务, 每月) or the code.
 */
public record Layout(String sheet, List<String> columns, String guide) {

    public static final Layout UNITS = new Layout("共建单位", List.of(
            "单位编号", "单位名称", "单位类型", "结对社区", "党组织", "联系人", "联系电话", "电子邮箱"),
            "单位编号形如 unit-xxx（小写字母、数字、连字符），导入后不可修改；结对社区可填多个，用顿号、逗号分隔");

    public static final Layout OFFERS = new Layout("资源", List.of(
            "单位编号", "资源类型", "资源名称", "服务类别", "服务社区", "能力数量", "计量周期", "有效期起", "有效期止",
            "技能", "说明"),
            "同一单位的资源以“资源类型 + 资源名称”区分，重复导入不会重复登记；计量周期填“每月”或“总量”");

    public static final Layout DEMANDS = new Layout("需求", List.of(
            "社区", "类别", "需求描述", "受益人数", "紧急程度", "预计工时", "小区", "楼栋", "截止日期", "所需技能",
            "居民姓名", "居民电话", "居民地址"),
            "同一社区、同一类别下需求描述相同的行视为同一需求，重复导入不会重复提交；居民信息仅本社区与街道可见");
}
