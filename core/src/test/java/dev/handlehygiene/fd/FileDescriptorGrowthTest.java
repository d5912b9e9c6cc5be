package dev.handlehygiene.fd;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.handlehygiene.fd.FileDescriptorCensus.Group;
import dev.handlehygiene.fd.FileDescriptorCensus.Kind;
import dev.handlehygiene.fd.FileDescriptorGrowth.GroupGrowth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The growth of each group over the window: the censuses kept, and when the sampler takes
 * one.
 */
class FileDescriptorGrowthTest {

	private static final Duration WINDOW = Duration.ofSeconds(100);

	private static final Group FLAT = new Group(Kind.FILE, "/srv/flat.bin");

	private static final Group LEAK = new Group(Kind.DIRECTORY, "/srv/reports");

	@TempDir
	Path temp;

	@Test
	void growthIsTheNewestCountMinusTheOldestOrderedByGrowthNeverBySize() {
		CensusHistory history = new CensusHistory(WINDOW);
		history.record(0, census(Map.of(FLAT, 150)));
		history.record(30_000, census(Map.of(FLAT, 150, LEAK, 20)));
		history.record(60_000, census(Map.of(FLAT, 150, LEAK, 40)));
		FileDescriptorGrowth growth = history.growth(60_000);
		assertThat(growth.censuses()).isEqualTo(3);
		assertThat(growth.span()).isEqualTo(Duration.ofMinutes(1));
		assertThat(growth.groups()).first().isEqualTo(new GroupGrowth(LEAK, 40, 40, 40.0));
		assertThat(growth.groups()).extracting(GroupGrowth::group).doesNotContain(FLAT);
		assertThat(growth.growthOf(FLAT)).isZero();
		assertThat(growth.growthOf(Group.of(FileDescriptorType.FILE))).isEqualTo(40);
	}

	@Test
	void aShrinkingGroupIsNoGrowth() {
		CensusHistory history = new CensusHistory(WINDOW);
		history.record(0, census(Map.of(FLAT, 150)));
		history.record(10_000, census(Map.of(FLAT, 100)));
		assertThat(history.growth(10_000).groups()).isEmpty();
	}

	@Test
	void keepsTheLastCensusBeforeTheWindowAsTheBaseline() {
		CensusHistory history = new CensusHistory(WINDOW);
		history.record(0, census(Map.of(LEAK, 1)));
		history.record(50_000, census(Map.of(LEAK, 5)));
		history.record(120_000, census(Map.of(LEAK, 12)));
		// 0 is older than the window, and so is 50 s at 160 s: 50 s is the baseline
		FileDescriptorGrowth growth = history.growth(160_000);
		assertThat(growth.censuses()).isEqualTo(2);
		assertThat(growth.growthOf(LEAK)).isEqualTo(7);
		assertThat(growth.span()).isEqualTo(Duration.ofSeconds(70));
	}

	@Test
	void keepsAtMostTwelveCensusesWhateverTheInterval() {
		CensusHistory history = new CensusHistory(WINDOW);
		for (int i = 0; i <= 10_000; i++) {
			history.record(i * 100L, census(Map.of(LEAK, i)));
			assertThat(history.size()).isLessThanOrEqualTo(CensusHistory.SLOTS + 2);
		}
		// the newest is always the latest census, and the oldest the baseline about a
		// window back
		FileDescriptorGrowth growth = history.growth(1_000_000);
		assertThat(growth.groups()).first().extracting(GroupGrowth::open).isEqualTo(10_000);
		assertThat(growth.span()).isBetween(WINDOW, WINDOW.plus(WINDOW.dividedBy(CensusHistory.SLOTS)));
	}

	@Test
	void aFailedCensusIsNotKeptAndItsErrorIsReportedUntilOneSucceeds() {
		CensusHistory history = new CensusHistory(WINDOW);
		history.record(0, census(Map.of(LEAK, 1)));
		history.record(10_000, census(Map.of(LEAK, 9)));
		history.record(20_000, FileDescriptorCensus.failed("Cannot list /proc/self/fd: Too many open files"));
		FileDescriptorGrowth atTheLimit = history.growth(20_000);
		assertThat(atTheLimit.partial()).isTrue();
		assertThat(atTheLimit.error()).contains("Too many open files");
		assertThat(atTheLimit.growthOf(LEAK)).as("the growth up to the last census that worked").isEqualTo(8);
		history.record(30_000, census(Map.of(LEAK, 10)));
		assertThat(history.growth(30_000).partial()).isFalse();
	}

	@Test
	void aGroupTheBoundLeftOutOfTheOldestCensusIsNoGrowthUnlessItHasMoreThanTheSmallestKeptThere() {
		CensusHistory history = new CensusHistory(WINDOW);
		Group jar = new Group(Kind.FILE, "/app/lib/one.jar");
		Group leak = new Group(Kind.DIRECTORY, "/srv/new");
		// the first census kept groups of 3 and more, and left 1 out
		history.record(0, new FileDescriptorCensus(10, withTypes(Map.of(FLAT, 3)), 1, null));
		history.record(10_000, census(Map.of(FLAT, 3, jar, 3, leak, 4)));
		FileDescriptorGrowth growth = history.growth(10_000);
		assertThat(growth.growthOf(jar)).as("it may have been there, left out").isZero();
		assertThat(growth.growthOf(leak)).as("more than it could have had: new").isEqualTo(4);
	}

	@Test
	void noCensusAtTheFirstSampleThenOneWheneverTheCountRises() throws IOException {
		AtomicInteger censuses = new AtomicInteger();
		CensusOnGrowth growth = new CensusOnGrowth(countingInventory(censuses), new UsageThresholds(0.7, 0.9), 100,
				Duration.ofSeconds(10), Duration.ofMinutes(10));
		growth.sampled(0, 100, 10_000);
		assertThat(censuses).as("start-up still opens what it keeps").hasValue(0);
		growth.sampled(10_000, 110, 10_000);
		assertThat(censuses).hasValue(1);
		growth.sampled(20_000, 120, 10_000);
		assertThat(censuses).hasValue(2);
		// down, then up again but not above the last census: the rise since the previous
		// sample is enough
		growth.sampled(30_000, 90, 10_000);
		assertThat(censuses).hasValue(2);
		growth.sampled(40_000, 95, 10_000);
		assertThat(censuses).hasValue(3);
	}

	@Test
	void aFlatCountTakesOneCensusPerWindowAndEverySampleAtTheWarningShareTakesOne() throws IOException {
		AtomicInteger censuses = new AtomicInteger();
		CensusOnGrowth growth = new CensusOnGrowth(countingInventory(censuses), new UsageThresholds(0.7, 0.9), 100,
				Duration.ofSeconds(10), Duration.ofMinutes(1));
		growth.sampled(0, 100, 1000);
		growth.sampled(10_000, 100, 1000);
		assertThat(censuses).as("the first baseline").hasValue(1);
		for (long time = 20_000; time < 70_000; time += 10_000) {
			growth.sampled(time, 100, 1000);
		}
		assertThat(censuses).hasValue(1);
		growth.sampled(70_000, 100, 1000);
		assertThat(censuses).as("a fresh baseline once per window").hasValue(2);
		growth.sampled(80_000, 700, 1000);
		growth.sampled(90_000, 700, 1000);
		growth.sampled(100_000, 650, 1000);
		assertThat(censuses).as("at the warning share, every sample").hasValue(4);
		growth.sampled(110_000, 640, 1000);
		assertThat(censuses).as("below it, and not rising: none").hasValue(4);
	}

	@Test
	void aRefreshTakesAtMostOneCensusPerInterval() throws IOException {
		AtomicInteger censuses = new AtomicInteger();
		CensusOnGrowth growth = new CensusOnGrowth(countingInventory(censuses), new UsageThresholds(0.7, 0.9), 100,
				Duration.ofSeconds(10), Duration.ofMinutes(1));
		growth.growth(0, true, 5);
		growth.growth(1_000, true, 5);
		growth.growth(9_999, true, 5);
		assertThat(censuses).hasValue(1);
		growth.growth(10_000, true, 5);
		assertThat(censuses).hasValue(2);
		growth.growth(10_001, false, 5);
		assertThat(censuses).hasValue(2);
	}

	@Test
	void theSamplerFindsAFileOpenedBetweenItsSamples() throws IOException {
		Path file = Files.writeString(this.temp.resolve("leaky.log"), "x");
		AtomicLong clock = new AtomicLong();
		FileDescriptorSampler sampler = new FileDescriptorSampler(new FileDescriptorProbe(), Duration.ofSeconds(10),
				Duration.ofMinutes(10), clock::get, new FileDescriptorInventory(), new UsageThresholds(0.7, 0.9),
				FileDescriptorCensus.DEFAULT_MAX_GROUPS);
		List<FileInputStream> leaked = new ArrayList<>();
		try {
			sampler.sample();
			for (int round = 0; round < 4; round++) {
				clock.addAndGet(10_000);
				for (int i = 0; i < 10; i++) {
					leaked.add(new FileInputStream(file.toFile()));
				}
				sampler.sample();
			}
			FileDescriptorGrowth growth = sampler.growth();
			Group path = new Group(Kind.FILE, file.toRealPath().toString());
			// the first census came at the second sample, after the first 10
			assertThat(growth.growthOf(path)).isEqualTo(30);
			assertThat(growth.groups()).extracting(GroupGrowth::group).contains(path);
			assertThat(growth.groups().stream().filter((grew) -> grew.group().equals(path)).findFirst())
				.hasValueSatisfying((grew) -> assertThat(grew.perMinute()).isEqualTo(60.0));
		}
		finally {
			for (FileInputStream stream : leaked) {
				stream.close();
			}
		}
	}

	@Test
	void aSamplerWithoutAnInventorySaysItTakesNoCensus() {
		FileDescriptorSampler sampler = new FileDescriptorSampler(new FileDescriptorProbe(), Duration.ofSeconds(10),
				Duration.ofMinutes(10));
		assertThat(sampler.refreshedGrowth().groups()).isEmpty();
		assertThat(sampler.growth().error()).contains("no census");
	}

	private FileDescriptorInventory countingInventory(AtomicInteger censuses) throws IOException {
		ProcfsTree tree = new ProcfsTree(this.temp.resolve("proc"));
		tree.link(3, "/srv/one");
		// one link: the inventory reads it once per census
		return new FileDescriptorInventory(tree.root(), (path) -> censuses.incrementAndGet());
	}

	private static FileDescriptorCensus census(Map<Group, Integer> named) {
		return new FileDescriptorCensus(named.values().stream().mapToInt(Integer::intValue).sum(), withTypes(named), 0,
				null);
	}

	/** The named groups and the type totals they add up to (files only here). */
	private static Map<Group, Integer> withTypes(Map<Group, Integer> named) {
		Map<Group, Integer> groups = new HashMap<>(named);
		for (FileDescriptorType type : FileDescriptorType.values()) {
			groups.put(Group.of(type), 0);
		}
		groups.put(Group.of(FileDescriptorType.FILE), named.values().stream().mapToInt(Integer::intValue).sum());
		return groups;
	}

}
