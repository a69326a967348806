import { incrementSessionVersion } from "@/lib/db/users";
import { getRealtimePublisher } from "@/lib/realtime/publisher";
import { loadActor } from "./load-actor";

/**
 * Ends every session of the account at once — this browser's, a lost phone's, a lab computer
 * someone forgot to sign out of: pages and the API refuse them on their next request, open live
 * connections are closed now.
 */
export async function signOutEverywhere(options: { userId: string }): Promise<{ sessionVersion: number }> {
  const actor = await loadActor(options.userId);
  const sessionVersion = await incrementSessionVersion(actor.id);
  getRealtimePublisher().disconnectUser(actor.id);
  return { sessionVersion };
}
