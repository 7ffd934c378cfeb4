/*
 * The wake-up protocol of the DRM GPU scheduler thread (6.1 drm_sched_main)
 * with the can_run_job ring-space throttle in its wait condition.
 * model/README.md says what is modelled and how; model/check.sh runs it.
 *
 * Variants, chosen with -D:
 *   (none)  the protocol as the series has it: both properties hold
 *   BUSY    can_run_job is tested after wait_event returns, outside the
 *           wait condition; a job that does not fit loops back at once
 *   LOST    the driver wakes the thread before it releases its ring space
 */

#define RING_SIZE	3	/* ring slots */
#define LIMIT		2	/* credit_limit: jobs on the hardware at once */
#define NJOBS		4	/* jobs the submitter pushes, in order */
#define RESERVED	2	/* slots the driver holds outside the scheduler */

/* Ring slots job j needs: 2, 1, 1, 2. The first one fits only once the
 * driver has released its reservation. */
#define COST(j)		((j) == 1 || (j) == 2 -> 1 : 2)

byte ring_used;			/* slots of the jobs on the hardware */
byte ring_reserved = RESERVED;	/* slots the driver holds */
byte hw_rq_count;		/* sched->hw_rq_count */
byte pushed;			/* jobs pushed to the entity queue */
byte head;			/* jobs popped: the queue is head..pushed-1 */
byte ran;			/* jobs handed to the hardware */

/* The thread is on the wait queue and TASK_INTERRUPTIBLE: set by
 * prepare_to_wait_event(), cleared by a wake-up (autoremove) or by
 * finish_wait(). schedule() returns only once it is clear. */
bool in_wq;

/* Ghost counters for the pass bound, updated in the step they count. */
byte passes;			/* condition evaluations that came out false */
byte wakeups;			/* wake-ups that made the thread runnable */
byte events;			/* pushes, releases and completions */

ltl all_jobs_run { <> (ran == NJOBS) }

/* wake_up_interruptible(), under the wait-queue lock. */
inline wake_up()
{
	atomic {
		if
		:: in_wq -> in_wq = false; wakeups++
		:: else
		fi
	}
}

/* drm_sched_wakeup() on a scheduler with can_run_job: it always wakes.
 * Its "only if ready" test is for schedulers without can_run_job; see its
 * kerneldoc for why the test would be unsafe here. */
inline sched_wakeup()
{
	wake_up()
}

inline count_pass(c)
{
	atomic {
		if
		:: !c -> passes++; assert(passes <= wakeups + events + 2)
		:: else
		fi
	}
}

/* can_run_job(head): the driver's lockless reads of its ring, one at a
 * time; u keeps ring_used between them. */
inline can_run_job(c)
{
	u = ring_used;
	atomic { c = (u + ring_reserved + COST(head) <= RING_SIZE); u = 0 }
}

/* The wait condition, one read at a time: drm_sched_ready(), a job in
 * the queue and (not in BUSY) can_run_job of the head. */
inline cond(c)
{
	c = (hw_rq_count < LIMIT);
	if
	:: c -> c = (head < pushed)
	:: else
	fi;
#ifndef BUSY
	if
	:: c -> can_run_job(c)
	:: else
	fi;
#endif
	count_pass(c)
}

active proctype scheduler()
{
	bool c;
	byte u;

top:	/* wait_event_interruptible(wq, COND) */
	cond(c);
	if
	:: c -> goto done
	:: else
	fi;
	do
	:: in_wq = true;		/* prepare_to_wait_event() */
		cond(c);
		if
		:: c -> break
		:: else
		fi;
end_sleep:	!in_wq			/* schedule() */
	od;
	in_wq = false;			/* finish_wait() */
done:
#ifdef BUSY
	can_run_job(c);
	count_pass(c);
	if
	:: !c -> goto top		/* continue */
	:: else
	fi;
#endif
	head++;				/* spsc_queue_pop() */
	hw_rq_count++;			/* atomic_inc() */
	atomic {			/* run_job() writes the ring */
		ring_used = ring_used + COST(head - 1);
		assert(ring_used + ring_reserved <= RING_SIZE);
		ran++
	}
	goto top
}

/* The hardware retires jobs in ring order: the interrupt handler frees the
 * job's slots, then its fence signals and drm_sched_job_done() runs. */
active proctype hardware()
{
	byte j;

end:	do
	:: j < ran ->
		atomic { ring_used = ring_used - COST(j); events++ }
		hw_rq_count--;
		wake_up();
		j++
	od
}

/* The driver releases the ring space it held, then wakes the scheduler. */
active proctype driver()
{
#ifdef LOST
	sched_wakeup();
	atomic { ring_reserved = 0; events++ }
#else
	atomic { ring_reserved = 0; events++ }
	sched_wakeup();
#endif
}

/* drm_sched_entity_push_job(): the push that makes the queue non-empty
 * (spsc_queue_push() returns "first") wakes the scheduler. */
active proctype submitter()
{
	bool first;

	do
	:: atomic { pushed < NJOBS -> first = (head == pushed); pushed++; events++ };
		if
		:: first -> sched_wakeup()
		:: else
		fi;
		first = false
	:: else -> break
	od
}
