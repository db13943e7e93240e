package farm.moonx.events.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {
  @Test
  void sentOffsetsSurviveACommitAsABaseAndRanges() {
    ReplayProgress progress = ReplayProgress.of(null);
    for (long offset : new long[] {0, 1, 5, 6, 7, 9}) {
      progress.markSent(offset);
    }
    OffsetAndMetadata commit = progress.commit();
    assertThat(commit.offset()).isEqualTo(2);
    assertThat(commit.metadata()).isEqualTo("r1:5-7,9");

    ReplayProgress read = ReplayProgress.of(commit);
    assertThat(read.base()).isEqualTo(2);
    assertThat(read.sent(1)).isTrue();
    assertThat(read.sent(2)).isFalse();
    assertThat(read.sent(6)).isTrue();
    assertThat(read.sent(8)).isFalse();
    read.markSent(2);
    read.markSent(3);
    read.markSent(4);
    read.markSent(8);
    assertThat(read.commit()).isEqualTo(new OffsetAndMetadata(10, "r1:"));
  }

  @Test
  void tooScatteredAProgressToFitACommitSaysSo() {
    ReplayProgress progress = ReplayProgress.of(null);
    for (long offset = 1; offset < 2_000; offset += 2) {
      progress.markSent(offset);
    }
    assertThat(progress.recordable()).isFalse();
    assertThatThrownBy(progress::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("scattered");
  }
}
