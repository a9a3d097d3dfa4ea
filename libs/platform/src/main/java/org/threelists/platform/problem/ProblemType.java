package org.threelists.platform.problem;

import java.net.URI;

/**
 * The stable kinds of error every service answers with. Clients switch on {@link #uri()}; the title is for people.
 */
public enum ProblemType {
    INVALID_INPUT(400, "invalid-input", "The request is not valid", "填写的内容不符合要求"),
    MALFORMED_BODY(400, "malformed-body", "The request body cannot be read", "请求内容无法读取"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required", "登录已失效，请重新登录"),
    FORBIDDEN(403, "forbidden", "You may not do this", "无权进行此操作"),
    NOT_FOUND(404, "not-found", "No such resource", "找不到该记录"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "不支持此操作方式"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", "无法以所需格式答复"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "Not allowed in the current state", "当前状态不允许此操作"),
    CONFLICT(409, "conflict", "The resource was changed concurrently", "记录已被他人修改，请刷新后重试"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type", "不支持此内容格式"),
    PERSONAL_DATA_ERASED(409, "personal-data-erased", "The person's personal data was erased", "居民个人信息已删除"),
    ALREADY_EXISTS(409, "already-exists", "It exists already", "记录已存在"),
    CAPACITY_EXHAUSTED(409, "capacity-exhausted", "Not enough capacity left", "服务能力不足"),
    CLAIM_PENDING(409, "claim-pending", "Your claim still awaits the reservation of its capacity", "认领确认中，请稍候"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests", "操作过于频繁，请稍后再试"),
    INTERNAL(500, "internal-error", "Internal error", "系统内部错误"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "The service is overloaded; nothing was changed, retry later",
            "系统繁忙，本次操作未生效，请稍后重试");

    static final String BASE = "https://threelists.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final String chineseTitle;

    ProblemType(int status, String slug, String title, String chineseTitle) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.chineseTitle = chineseTitle;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The title for people who read Chinese (the console's words, console/web/src/api/problem-titles.json). */
    public String chineseTitle() {
        return chineseTitle;
    }

    /** The type whose {@link #uri()} this is, if it is one of these. */
    static java.util.Optional<ProblemType> of(URI uri) {
        for (ProblemType type : values()) {
            if (type.uri().equals(uri)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_INPUT;
    }
}
