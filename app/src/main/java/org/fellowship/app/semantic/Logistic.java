package org.fellowship.app.semantic;

/**
 * Weighted, L2-regularised logistic regression fitted by full-batch Adam: small, deterministic (no random start) and
 * fast enough to refit a 384-weight head dozens of times inside cross-validation.
 */
final class Logistic {
    private Logistic() {
    }

    /**
     * @param x          rows of features
     * @param y          0 or 1 per row
     * @param weight     each row's weight (the weights are normalised to sum to 1)
     * @param l2         penalty on the weights (not the bias)
     * @param iterations full passes
     * @return the bias followed by one weight per feature
     */
    static double[] fit(double[][] x, int[] y, double[] weight, double l2, int iterations) {
        int n = x.length;
        int d = x[0].length;
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        double[] beta = new double[d + 1];
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        double[] grad = new double[d + 1];
        double rate = 0.05;
        for (int it = 1; it <= iterations; it++) {
            java.util.Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                double z = beta[0];
                double[] row = x[i];
                for (int j = 0; j < d; j++) {
                    z += beta[j + 1] * row[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double g = (p - y[i]) * weight[i] / total;
                grad[0] += g;
                for (int j = 0; j < d; j++) {
                    grad[j + 1] += g * row[j];
                }
            }
            for (int j = 1; j <= d; j++) {
                grad[j] += l2 * beta[j];
            }
            for (int j = 0; j <= d; j++) {
                m[j] = 0.9 * m[j] + 0.1 * grad[j];
                v[j] = 0.999 * v[j] + 0.001 * grad[j] * grad[j];
                double mh = m[j] / (1 - Math.pow(0.9, it));
                double vh = v[j] / (1 - Math.pow(0.999, it));
                beta[j] -= rate * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        return beta;
    }

    static double logit(double[] beta, double[] row) {
        double z = beta[0];
        for (int j = 0; j < row.length; j++) {
            z += beta[j + 1] * row[j];
        }
        return z;
    }
}
