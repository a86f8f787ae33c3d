package api

import (
	"maps"
	"slices"
)

// The Clone functions copy a value deeply enough that changing the copy
// leaves the original alone: every slice, map and pointer is a copy of its
// own. The sandbox keeps its workspace with them, the editor the step as
// loaded.

// CloneStep copies a step.
func CloneStep(s Step) Step {
	c := s
	c.Images = slices.Clone(s.Images)
	c.Videos = slices.Clone(s.Videos)
	c.Unreadable = maps.Clone(s.Unreadable)
	c.Extra = maps.Clone(s.Extra)
	c.Delay = clonePtr(s.Delay)
	c.EndorseAnyFallback = clonePtr(s.EndorseAnyFallback)
	if s.Conditions != nil {
		c.Conditions = make([]Condition, len(s.Conditions))
		for i, cond := range s.Conditions {
			c.Conditions[i] = cloneCondition(cond)
		}
	}
	return c
}

func cloneCondition(c Condition) Condition {
	c.Delay = clonePtr(c.Delay)
	c.ScoreThreshold = clonePtr(c.ScoreThreshold)
	c.CustomValues = slices.Clone(c.CustomValues)
	c.Unreadable = maps.Clone(c.Unreadable)
	c.Extra = maps.Clone(c.Extra)
	return c
}

// CloneSequences copies every sequence of a campaign.
func CloneSequences(seqs Sequences) Sequences {
	out := make(Sequences, len(seqs))
	for id, seq := range seqs {
		out[id] = CloneSequence(seq)
	}
	return out
}

// CloneSequence copies a sequence and its steps.
func CloneSequence(seq Sequence) Sequence {
	seq.ConditionalStepIndex = clonePtr(seq.ConditionalStepIndex)
	seq.Unreadable = maps.Clone(seq.Unreadable)
	seq.Extra = maps.Clone(seq.Extra)
	steps := make([]Step, len(seq.Steps)) // never nil: a sequence's steps are a list, [] when empty
	for i, st := range seq.Steps {
		steps[i] = CloneStep(st)
	}
	seq.Steps = steps
	return seq
}

// CloneCampaign copies a campaign.
func CloneCampaign(c Campaign) Campaign {
	c.Labels = slices.Clone(c.Labels)
	c.Errors = slices.Clone(c.Errors)
	c.ScheduleIDs = slices.Clone(c.ScheduleIDs)
	c.Senders = slices.Clone(c.Senders)
	c.Creator = clonePtr(c.Creator)
	return c
}

// CloneTeam copies a team.
func CloneTeam(t Team) Team {
	t.UserIDs = slices.Clone(t.UserIDs)
	t.Hooks = slices.Clone(t.Hooks)
	t.Beta = slices.Clone(t.Beta)
	t.InvitedUsers = slices.Clone(t.InvitedUsers)
	t.Users = slices.Clone(t.Users)
	return t
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
