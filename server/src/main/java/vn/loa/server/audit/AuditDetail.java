package vn.loa.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What of a request body goes into the audit: JSON with every secret-looking field masked, so the
 * audit can show who asked for what without becoming a place to steal tokens from; other bodies by
 * size and type only.
 */
public final class AuditDetail {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SECRET_FIELDS = Set.of("token", "password", "secret", "newpassword");

    private AuditDetail() {
    }

    public static String of(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        boolean json = contentType == null || contentType.toLowerCase().startsWith("application/json");
        if (json && body.length <= AuditLog.MAX_TEXT * 4) {
            try {
                JsonNode tree = MAPPER.readTree(body);
                mask(tree);
                return MAPPER.writeValueAsString(tree);
            } catch (Exception e) {
                return "malformed JSON, " + body.length + " bytes";
            }
        }
        return body.length + " bytes of " + (contentType == null ? "unknown type" : contentType);
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (SECRET_FIELDS.contains(field.getKey().toLowerCase())) {
                    field.setValue(object.textNode("***"));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditDetail::mask);
        }
    }
}
