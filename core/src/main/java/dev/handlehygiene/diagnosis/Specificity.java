package dev.handlehygiene.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.handlehygiene.fd.FileDescriptorCensus.Group;
import dev.handlehygiene.fd.FileDescriptorGrowth;
import dev.handlehygiene.fd.FileDescriptorGrowth.GroupGrowth;
import dev.handlehygiene.fd.FileDescriptorType;

/**
 * Which of the groups that grew are findings: the most specific group that explains a
 * growth stands for it, and nothing is counted twice. Every descriptor counts in a group
 * and in each coarser one above it (a file in its directory and in the type
 * {@code file}), so one leak grows a whole chain of groups:
 * <ul>
 * <li>a group is <em>explained</em> when its {@value #EXPLAINERS} finer groups that grew
 * most add up to at least {@link #EXPLAINED} of its growth: it is no finding, and those
 * finer groups are weighed as if it were not there. A type that grew by 100 because one
 * directory grew by 100 gives way to the directory, and that directory to its one file; a
 * type that grew because two remotes did gives way to both;</li>
 * <li>otherwise it is a finding, and its finer groups are findings of their own only when
 * they hold at least {@link #FRAGMENT} of its growth: a directory where a hundred files
 * grew by one each is one finding, not a hundred and one;</li>
 * <li>pipes that grew no more than twice as much as the selectors did are the selectors'
 * wake-up pipes (the JDK before 16 gives each selector two): no finding of their
 * own.</li>
 * </ul>
 */
final class Specificity {

	/** The share of a group's growth its finer groups must hold to explain it. */
	static final double EXPLAINED = 0.8;

	/** How many finer groups may explain one. */
	static final int EXPLAINERS = 3;

	/** The least share of a finding's growth a finer group must hold to be listed too. */
	static final double FRAGMENT = 0.1;

	private static final Group PIPES = Group.of(FileDescriptorType.PIPE);

	private final Map<Group, List<GroupGrowth>> finer = new HashMap<>();

	private final List<GroupGrowth> findings = new ArrayList<>();

	private final Set<Group> grew = new HashSet<>();

	private Specificity(List<GroupGrowth> groups) {
		for (GroupGrowth growth : groups) {
			this.grew.add(growth.group());
		}
		for (GroupGrowth growth : groups) {
			Group parent = growth.group().parent();
			if (parent != null && this.grew.contains(parent)) {
				this.finer.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(growth);
			}
		}
	}

	/**
	 * The findings among the groups that grew.
	 * @param growth the groups that grew, most first
	 * @return the findings, in the same order
	 */
	static List<GroupGrowth> findings(FileDescriptorGrowth growth) {
		List<GroupGrowth> groups = growth.groups();
		Specificity specificity = new Specificity(groups);
		int selectors = growth.growthOf(Group.SELECTORS);
		for (GroupGrowth candidate : groups) {
			Group parent = candidate.group().parent();
			boolean wakeUpPipes = candidate.group().equals(PIPES) && selectors > 0
					&& candidate.growth() <= 2 * selectors;
			if ((parent == null || !specificity.grew.contains(parent)) && !wakeUpPipes) {
				specificity.weigh(candidate, 0);
			}
		}
		Map<Group, Integer> order = new HashMap<>();
		for (int i = 0; i < groups.size(); i++) {
			order.put(groups.get(i).group(), i);
		}
		List<GroupGrowth> findings = new ArrayList<>(specificity.findings);
		findings.sort(Comparator.comparing((finding) -> order.get(finding.group())));
		return findings;
	}

	/**
	 * @param candidate a group that grew
	 * @param findingGrowth the growth of the finding just above it, or 0 where there is
	 * none
	 */
	private void weigh(GroupGrowth candidate, int findingGrowth) {
		if (findingGrowth > 0 && candidate.growth() < FRAGMENT * findingGrowth) {
			return;
		}
		List<GroupGrowth> children = this.finer.getOrDefault(candidate.group(), List.of());
		int explained = children.stream().limit(EXPLAINERS).mapToInt(GroupGrowth::growth).sum();
		if (!children.isEmpty() && explained >= EXPLAINED * candidate.growth()) {
			children.forEach((child) -> weigh(child, 0));
		}
		else {
			this.findings.add(candidate);
			children.forEach((child) -> weigh(child, candidate.growth()));
		}
	}

}
