package dev.seq4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seq4j.config.ConfigLoader;
import dev.seq4j.config.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  private static TrainConfig train(String... overrides) {
    String yaml = "train: {learningRate: 0.7}\n";
    return ConfigLoader.parse(
        yaml, "t.yaml", List.of(overrides), s -> TrainConfig.read(s.section("train")));
  }

  @Test
  void sutskeverHalvingEveryHalfEpochAfterEpochFive() {
    LearningRateSchedule s = new LearningRateSchedule(train("train.schedule=halving"));
    assertEquals(0.7, s.rate(0, 1));
    assertEquals(0.7, s.rate(4.99, 1));
    assertEquals(0.35, s.rate(5.0, 1));
    assertEquals(0.35, s.rate(5.49, 1));
    assertEquals(0.175, s.rate(5.5, 1));
    assertEquals(0.0875, s.rate(6.0, 1), 1e-12);
    assertEquals(0.7 / 32, s.rate(7.0, 1), 1e-12);
  }

  @Test
  void plateauReducesAfterPatienceEvaluationsWithoutImprovement() {
    LearningRateSchedule s =
        new LearningRateSchedule(train("train.schedule=plateau", "train.plateauPatience=1"));
    s.onValidation(2.0, true);
    s.onValidation(2.5, true);
    assertEquals(0.7, s.rate(1, 1));
    s.onValidation(2.1, true);
    assertEquals(0.35, s.rate(2, 1), 1e-12);
    s.onValidation(1.0, true);
    assertEquals(0.35, s.rate(3, 1), 1e-12);
  }

  @Test
  void inverseSqrtWarmsUpLinearlyThenDecaysWithTheInverseSquareRoot() {
    LearningRateSchedule s =
        new LearningRateSchedule(train("train.schedule=inverse-sqrt", "train.warmupSteps=400"));
    assertEquals(0.7 / 400, s.rate(0, 1), 1e-15);
    assertEquals(0.7 * 200 / 400, s.rate(0, 200), 1e-12);
    assertEquals(0.7, s.rate(1, 400), 1e-12);
    assertEquals(0.35, s.rate(2, 1600), 1e-12); // √(400 / 1600) = 1/2
    assertEquals(0.7 / 10, s.rate(9, 40_000), 1e-12);
  }
}
