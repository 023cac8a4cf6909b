package io.aidos.core.internal.search;

/** Reads the {@code <entity>.<key>} part that filter and order-by clauses share. */
final class TargetReader {
    private TargetReader() {
    }

    /**
     * Reads {@code metrics.accuracy}, {@code params."a.b"}, {@code attributes.status}; with
     * {@code bareAttributes}, also {@code start_time} alone (order-by allows that, as MLflow does).
     */
    static Target read(FilterLexer lexer, boolean bareAttributes) {
        int start = lexer.position();
        String word = lexer.readWord();
        if (word.isEmpty()) {
            throw lexer.error(bareAttributes ? "an entity (" + Entity.ALLOWED + ") or an attribute name"
                    : "an entity (" + Entity.ALLOWED + ")");
        }
        if (lexer.peek() != '.') {
            if (bareAttributes) {
                return Target.of(attribute(lexer, word, start));
            }
            Entity entity = Entity.byPrefix(word);
            throw entity == null
                    ? lexer.errorAt("an entity (" + Entity.ALLOWED + ")", start)
                    : lexer.error("'.' and a key after '" + word + "'");
        }
        Entity entity = Entity.byPrefix(word);
        if (entity == null) {
            throw lexer.errorAt("an entity (" + Entity.ALLOWED + ")", start);
        }
        lexer.expect('.', "'.'");
        if (entity != Entity.ATTRIBUTE) {
            return new Target(entity, lexer.readKey());
        }
        int nameStart = lexer.position();
        String name = lexer.readWord();
        return Target.of(attribute(lexer, name, nameStart));
    }

    private static Attribute attribute(FilterLexer lexer, String name, int at) {
        Attribute attribute = Attribute.named(name);
        if (attribute == null) {
            throw lexer.errorAt("an attribute (" + Attribute.ALLOWED + ")", at);
        }
        return attribute;
    }
}
