package org.threelists.console.spreadsheet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A row as the REST request a person would send for it (contracts/openapi): RegisterUnitRequest,
 * OfferResourceRequest, SubmitDemandRequest. Nothing is checked here: the service validates the request.
 */
final class RowRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Codes codes;

    RowRequests(Codes codes) {
        this.codes = codes;
    }

    ObjectNode unit(SheetRow row) {
        ObjectNode request = JSON.createObjectNode();
        put(request, "unitId", row.text("单位编号"));
        put(request, "name", row.text("单位名称"));
        put(request, "kind", codes.unitKind(row.text("单位类型")));
        request.set("communities", strings(codes.communities(row.list("结对社区"))));
        put(request, "partyOrganisation", row.text("党组织"));
        ObjectNode contact = JSON.createObjectNode();
        put(contact, "person", row.text("联系人"));
        put(contact, "phone", row.text("联系电话"));
        put(contact, "email", row.text("电子邮箱"));
        if (!contact.isEmpty()) {
            request.set("contact", contact);
        }
        return request;
    }

    ObjectNode offer(SheetRow row) {
        ObjectNode request = JSON.createObjectNode();
        put(request, "unitId", row.text("单位编号"));
        put(request, "type", codes.resourceType(row.text("资源类型")));
        put(request, "title", row.text("资源名称"));
        request.set("categories", strings(codes.categories(row.list("服务类别"))));
        request.set("serviceArea", strings(codes.communities(row.list("服务社区"))));
        ObjectNode capacity = JSON.createObjectNode();
        number(capacity, "amount", row.text("能力数量"));
        put(capacity, "period", codes.period(row.text("计量周期")));
        request.set("capacity", capacity);
        put(request, "validFrom", row.text("有效期起"));
        put(request, "validUntil", row.text("有效期止"));
        if (!row.list("技能").isEmpty()) {
            request.set("skills", strings(row.list("技能")));
        }
        put(request, "description", row.text("说明"));
        return request;
    }

    ObjectNode demand(SheetRow row) {
        ObjectNode request = JSON.createObjectNode();
        put(request, "communityCode", codes.community(row.text("社区")));
        put(request, "category", codes.category(row.text("类别")));
        put(request, "description", row.text("需求描述"));
        number(request, "beneficiaries", row.text("受益人数"));
        put(request, "urgency", codes.urgency(row.text("紧急程度")));
        number(request, "estimatedHours", row.text("预计工时"));
        put(request, "compound", row.text("小区"));
        put(request, "building", row.text("楼栋"));
        put(request, "deadline", row.text("截止日期"));
        if (!row.list("所需技能").isEmpty()) {
            request.set("requiredSkills", strings(row.list("所需技能")));
        }
        ObjectNode resident = JSON.createObjectNode();
        put(resident, "name", row.text("居民姓名"));
        put(resident, "phone", row.text("居民电话"));
        put(resident, "address", row.text("居民地址"));
        if (!resident.isEmpty()) {
            request.set("resident", resident);
        }
        return request;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** A number stays a number in the request; anything else goes as written, for the service to refuse. */
    private static void number(ObjectNode node, String field, String value) {
        if (value == null) {
            return;
        }
        try {
            node.put(field, new BigDecimal(new BigDecimal(value.replace(",", "")).stripTrailingZeros().toPlainString()));
        } catch (NumberFormatException e) {
            node.put(field, value);
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
