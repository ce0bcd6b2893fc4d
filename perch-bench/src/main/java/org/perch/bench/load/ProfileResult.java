package org.perch.bench.load;

/** What one profile measured against one server. */
sealed interface ProfileResult permits ConnectionsProfile.Result, FanoutProfile.Result,
        JoinStormProfile.Result, LyncModelProfile.Result, AbuseProfile.Result {
}
