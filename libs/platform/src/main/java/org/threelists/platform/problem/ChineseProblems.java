package org.threelists.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers a refusal in Chinese to a client that asks for it ({@code Accept-Language: zh-CN}, as the console does):
 * the problem document's {@code title}, {@code detail} and each violation's message from the {@link ProblemCatalogue},
 * with {@code Content-Language: zh-CN}. The {@code type}, the status, the fields and every other member stay as they
 * are, so clients that switch on them see no difference; a client that asks for nothing gets English.
 */
@Provider
public class ChineseProblems implements ContainerResponseFilter {

    private final ProblemCatalogue catalogue = ProblemCatalogue.loaded();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            if (prefersChinese(request.getAcceptableLanguages())) {
                response.setEntity(inChinese(problem, catalogue));
                response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, "zh-CN");
            }
        }
    }

    /** Whether the most wanted language the client names is Chinese; no header (or {@code *}) means English. */
    public static boolean prefersChinese(List<Locale> acceptable) {
        return !acceptable.isEmpty() && "zh".equalsIgnoreCase(acceptable.get(0).getLanguage());
    }

    static Problem inChinese(Problem problem, ProblemCatalogue catalogue) {
        String title = ProblemType.of(problem.type()).map(ProblemType::chineseTitle)
                .orElseGet(() -> catalogue.inChinese(problem.title()));
        Map<String, Object> members = new LinkedHashMap<>(problem.members());
        if (members.get("violations") instanceof List<?> violations) {
            members.put("violations", violations.stream().map(v -> v instanceof Violation violation
                    ? new Violation(violation.field(), catalogue.inChinese(violation.message())) : v).toList());
        }
        return new Problem(problem.type(), title, problem.status(), catalogue.inChinese(problem.detail()),
                problem.instance(), members);
    }
}
