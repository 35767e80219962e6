// TeamsJS' meeting calls answer through Node-style callbacks `(error, result)`: as promises here, so the
// host logic reads (and is tested) as ordinary async code. An SdkError or a throw rejects.

export interface SdkErrorLike {
  errorCode: number;
  message?: string;
}

export type MeetingCallback<T> = (error: SdkErrorLike | null, result: T | null) => void;

export function meetingCall<T>(start: (callback: MeetingCallback<T>) => void): Promise<T | null> {
  return new Promise((resolve, reject) => {
    try {
      start((error, result) =>
        error ? reject(new Error(`Teams refused (${error.errorCode}${error.message ? `: ${error.message}` : ''}).`)) : resolve(result),
      );
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Whether the app's content is on the meeting stage now (`getAppContentStageSharingState`); false when Teams cannot say. */
export async function isAppSharing(start: (callback: MeetingCallback<{ isAppSharing?: boolean }>) => void): Promise<boolean> {
  try {
    return (await meetingCall(start))?.isAppSharing === true;
  } catch {
    return false;
  }
}
