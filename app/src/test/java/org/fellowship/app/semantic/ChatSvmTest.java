package org.fellowship.app.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernel chat head: trained with LIBSVM, evaluated by our own code, stored and read back unchanged. */
class ChatSvmTest {
    /** Two clouds of unit vectors around two directions; label 1 around the first. */
    private static List<float[]> cloud(Random random, int axis, int n) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[SentenceEmbedder.DIMENSIONS];
            v[axis] = 1;
            for (int j = 0; j < 8; j++) {
                v[random.nextInt(v.length)] += (float) (random.nextGaussian() * 0.2);
            }
            double norm = 0;
            for (float f : v) {
                norm += f * f;
            }
            for (int j = 0; j < v.length; j++) {
                v[j] /= (float) Math.sqrt(norm);
            }
            rows.add(ChatSvm.input(v, 0));
        }
        return rows;
    }

    @Test
    void theDecisionIsPositiveOnTheCrisisSideWhicheverLabelLibsvmSawFirstAndSurvivesARoundTrip() throws IOException {
        Random random = new Random(7);
        List<float[]> crisis = cloud(random, 3, 30);
        List<float[]> calm = cloud(random, 100, 60);
        for (boolean crisisFirst : new boolean[] {true, false}) {
            List<float[]> x = new ArrayList<>(crisisFirst ? crisis : calm);
            x.addAll(crisisFirst ? calm : crisis);
            int[] y = new int[x.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = (i < (crisisFirst ? crisis.size() : calm.size())) == crisisFirst ? 1 : 0;
            }
            ChatSvm svm = ChatSvm.train(x, y);
            float[] newCrisis = cloud(random, 3, 1).get(0);
            float[] newCalm = cloud(random, 100, 1).get(0);
            assertThat(svm.decision(newCrisis)).isPositive();
            assertThat(svm.decision(newCalm)).isNegative();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            svm.write(bytes);
            ChatSvm read = ChatSvm.read(new ByteArrayInputStream(bytes.toByteArray()));
            assertThat(read.decision(newCrisis)).isEqualTo(svm.decision(newCrisis));
            assertThat(read.vectors().length).isEqualTo(svm.vectors().length);
        }
    }

    @Test
    void aFileOfTheWrongKindOrShapeIsRefusedAndOneClassCannotBeTrained() {
        assertThatThrownBy(() -> ChatSvm.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 0, 0, 0, 1})))
                .isInstanceOf(IOException.class);
        List<float[]> x = cloud(new Random(1), 5, 4);
        assertThatThrownBy(() -> ChatSvm.train(x, new int[] {1, 1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChatHeadAloneAlertsOnlyOnShortMessages() {
        // combiner below its threshold, chat head above its own: a chat message alerts, a long post does not
        assertThat(CrisisModel.alerts(0.1, 1.5, 12, 0.77, 0.78)).isTrue();
        assertThat(CrisisModel.alerts(0.1, 1.5, CrisisModel.SHORT_WORDS + 1, 0.77, 0.78)).isFalse();
        assertThat(CrisisModel.alerts(0.1, 0.5, 12, 0.77, 0.78)).isFalse();
        assertThat(CrisisModel.alerts(0.9, -4, 400, 0.77, 0.78)).isTrue();
    }

    @Test
    void theShippedModelReadsBackAsWritten() throws IOException {
        CrisisModel shipped = CrisisModel.builtIn();
        CrisisModel again = CrisisModel.read(new ByteArrayInputStream(shipped.write().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), shipped.chat());
        assertThat(again.threshold()).isEqualTo(shipped.threshold());
        assertThat(again.shortThreshold()).isEqualTo(shipped.shortThreshold());
        assertThat(again.combiner()).containsExactly(shipped.combiner());
        assertThat(shipped.chat().vectors()).isNotEmpty();
    }
}
