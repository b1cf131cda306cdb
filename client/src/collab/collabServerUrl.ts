/** The y-websocket endpoint on this origin; the provider appends the document id as the room. */
export const collabServerUrl = (location: Location = window.location): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
