package io.aiperf.core.endpoint;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;

/**
 * Jinja's {@code tojson} for payload templates: the value as compact JSON, marked safe so that
 * {@link JsonTemplateOutput} prints it as it is. Replaces Jinjava's own {@code tojson}, whose plain-string result
 * would be escaped again as the inside of a JSON string.
 */
final class ToJsonFilter implements Filter {

    @Override
    public String getName() {
        return "tojson";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return new SafeString(JsonTemplateOutput.toJson(var instanceof SafeString s ? s.getValue() : var));
    }
}
