package org.backpropstudio.engine;

import java.util.Objects;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.tokenizer.UnknownFunctionOrVariableException;

/**
 * A target typed as an expression in x ({@code sin(x) + 0.3*x}, {@code abs(x)}, {@code x^2/10}),
 * parsed and evaluated by exp4j: + − * / ^ %, unary minus, pi, e, and abs, sin, cos, tan, exp,
 * log, sqrt, cbrt, floor, ceil, signum and their kin. A parse error says at which character it
 * went wrong.
 */
public final class ExpressionTarget implements Target {

    /** Why a text is not an expression, and the character (0-based) where that shows. */
    public static final class InvalidExpression extends IllegalArgumentException {
        private final int position;

        InvalidExpression(String reason, int position) {
            super(reason);
            this.position = position;
        }

        /** Where in the text the problem is (the text's length: at its end). */
        public int position() {
            return position;
        }
    }

    private final String text;
    private final Expression expression;

    private ExpressionTarget(String text, Expression expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Parses an expression in x.
     *
     * @throws InvalidExpression with the reason and the position of the first problem
     */
    public static ExpressionTarget parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new InvalidExpression("type an expression in x, e.g. sin(x) + 0.3*x", 0);
        }
        Expression e;
        try {
            e = new ExpressionBuilder(text).variable("x").build();
        } catch (UnknownFunctionOrVariableException ex) {
            int at = positionIn(ex.getMessage(), text);
            throw new InvalidExpression("unknown name '" + ex.getToken() + "' (use x, pi, e, and functions such as "
                    + "sin, cos, exp, log, sqrt, abs)", at);
        } catch (RuntimeException ex) {
            throw located(text);
        }
        if (!e.validate(false).isValid()) {
            throw located(text);
        }
        try {
            e.setVariable("x", 0.5).evaluate(); // some malformed texts pass validation, e.g. "()"
        } catch (ArithmeticException ex) {
            // a value that is no number somewhere is checked against the x-range later
        } catch (RuntimeException ex) {
            throw located(text);
        }
        return new ExpressionTarget(text, e);
    }

    /** The first problem our own scan of the text finds (exp4j says what, but not where). */
    static InvalidExpression located(String text) {
        int depth = 0;
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        boolean wantOperand = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || c == '.') {
                int start = i;
                int points = 0;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    points += text.charAt(i) == '.' ? 1 : 0;
                    i++;
                }
                if (points > 1 || text.substring(start, i).equals(".")) {
                    return new InvalidExpression("'" + text.substring(start, i) + "' is not a number", start);
                }
                wantOperand = false;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                wantOperand = false;
            } else if (c == '(') {
                open.push(i);
                depth++;
                wantOperand = true;
                i++;
            } else if (c == ')') {
                if (depth == 0) {
                    return new InvalidExpression("this ')' closes nothing", i);
                }
                if (wantOperand) {
                    return new InvalidExpression("something is missing before this ')'", i);
                }
                open.pop();
                depth--;
                i++;
            } else if ("+-*/^%,".indexOf(c) >= 0) {
                if (wantOperand && c != '+' && c != '-') {
                    return new InvalidExpression("'" + c + "' needs a number, x or a bracket before it", i);
                }
                wantOperand = true;
                i++;
            } else {
                return new InvalidExpression("'" + c + "' cannot be used here", i);
            }
        }
        if (!open.isEmpty()) {
            return new InvalidExpression("this '(' is never closed", open.peek());
        }
        if (wantOperand) {
            return new InvalidExpression("the expression ends before it is complete", text.length());
        }
        return new InvalidExpression("not a valid expression", text.length());
    }

    private static int positionIn(String message, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at pos (\\d+)").matcher(message == null ? "" : message);
        return m.find() ? Math.min(Integer.parseInt(m.group(1)), text.length()) : text.length();
    }

    /**
     * The first x of {@code points} evenly spaced over [xMin, xMax] where the expression is not a
     * finite number, or NaN if it is finite at all of them.
     */
    public double firstNonFinite(double xMin, double xMax, int points) {
        for (int i = 0; i < points; i++) {
            double x = points == 1 ? xMin : xMin + (xMax - xMin) * i / (points - 1);
            if (!Double.isFinite(value(x))) {
                return x;
            }
        }
        return Double.NaN;
    }

    /** The expression as typed. */
    public String text() {
        return text;
    }

    /** exp4j's expression keeps its variables in itself: one evaluation at a time. */
    @Override
    public synchronized double value(double x) {
        try {
            return expression.setVariable("x", x).evaluate();
        } catch (RuntimeException e) {
            return Double.NaN; // e.g. 5 % 0
        }
    }

    @Override
    public String formula() {
        return text;
    }

    /** exp4j walks the whole expression for every value: about 5-7 ns a character of it. */
    @Override
    public double evaluationCost() {
        return text.length();
    }

    @Override
    public String wireName() {
        return "expression";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpressionTarget other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
