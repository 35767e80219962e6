/**
 * The schema accepts any string as a resource-specific consent (RSC) permission name, so a typo in
 * `MeetingStage.Write.Chat` would pass validation and only show up in a meeting as "App does not declare
 * required RSC permissions" (msteams-docs #8848), with no name given. We check names and types against
 * the meeting-related part of the Teams RSC catalog (as bundled in @microsoft/teams.cli 3.0.3). A permission not listed here is reported so that whoever adds it checks its exact
 * spelling and type in the catalog and records it here.
 */

type RscType = 'Application' | 'Delegated';

export const MEETING_RSC_CATALOG: Readonly<Record<string, readonly RscType[]>> = {
  'MeetingStage.Write.Chat': ['Delegated'],
  'ChannelMeetingStage.Write.Group': ['Delegated'],
  'OnlineMeetingParticipant.ToggleIncomingAudio.Chat': ['Delegated'],
  'OnlineMeetingIncomingAudio.Detect.Chat': ['Delegated'],
  'ChannelMeetingIncomingAudio.Detect.Group': ['Delegated'],
  'OnlineMeetingActiveSpeaker.Read.Chat': ['Delegated'],
  'LiveShareSession.ReadWrite.Chat': ['Delegated'],
  'LiveShareSession.ReadWrite.Group': ['Delegated'],
  'MeetingParticipantReaction.Read.Chat': ['Delegated'],
  'OnlineMeetingParticipant.Read.Chat': ['Application', 'Delegated'],
  'OnlineMeeting.ReadBasic.Chat': ['Application'],
  'OnlineMeetingNotification.Send.Chat': ['Application'],
  'OnlineMeetingTranscript.Read.Chat': ['Application'],
  'OnlineMeetingRecording.Read.Chat': ['Application'],
  'ChatMember.Read.Chat': ['Application'],
  'ChatMessage.Send.Chat': ['Application'],
};

export function checkPermissions(manifest: Record<string, unknown>): string[] {
  const authorization = manifest.authorization as { permissions?: { resourceSpecific?: unknown } } | undefined;
  const granted = authorization?.permissions?.resourceSpecific;
  if (!Array.isArray(granted)) return [];
  const problems: string[] = [];
  granted.forEach((permission: { name?: unknown; type?: unknown }, index) => {
    const where = `/authorization/permissions/resourceSpecific/${index}`;
    const name = String(permission?.name);
    const types = MEETING_RSC_CATALOG[name];
    if (types === undefined) {
      problems.push(`${where}: "${name}" is not a known meeting RSC permission; check its spelling in the Teams RSC catalog`);
    } else if (!types.includes(permission.type as RscType)) {
      problems.push(`${where}: "${name}" must have type ${types.join(' or ')}, found ${String(permission.type)}`);
    }
  });
  return problems;
}
