/** Hands a blob to the browser as a download named `fileName`. */
export const saveBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on a later task: some browsers read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
