; Flowdesk installer for Windows (NSIS 3, 64-bit Unicode stub).
;
; Build (the release workflow on Windows, and the Wine lane on Linux -- makensis runs
; natively on both, no Wine needed to build):
;   makensis -INPUTCHARSET UTF8 -DAppVersion=X.Y.Z packaging\windows\flowdesk.nsi
; AppVersion comes from pyproject.toml (the only place the version lives); the
; bundle is packaging\out\windows\dist\Flowdesk (Flowdesk.exe = window,
; flowdesk-cli.exe = command line; see packaging\README.md).
;
; Why NSIS and not Inno Setup: Inno Setup's compiler and the setup.exe it writes are
; 32-bit programs, so testing them on Linux needs 32-bit Wine, which is not reliably
; installable there. NSIS builds a native 64-bit installer from Linux or Windows
; and the lane installs and runs it under 64-bit Wine on every CI run.
;
; Per-user install (no administrator rights) into %LOCALAPPDATA%\Programs\Flowdesk.
; User data (%LOCALAPPDATA%\Flowdesk) is never touched by install or uninstall.
; Silent: Flowdesk-X.Y.Z-windows-x64-setup.exe /S [/D=C:\some folder] (/D last, unquoted).

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef AppVersion
  !error "Pass the version: makensis -DAppVersion=X.Y.Z (read it from pyproject.toml)"
!endif
!ifndef SourceDir
  !define SourceDir "..\out\windows\dist\Flowdesk"
!endif
!ifndef IconFile
  !define IconFile "..\out\icons\flowdesk.ico"
!endif
!ifndef OutFile
  !define OutFile "..\out\Flowdesk-${AppVersion}-windows-x64-setup.exe"
!endif

; Never change this key: upgrades and the uninstaller find the installed app by it.
!define UninstallKey "Software\Microsoft\Windows\CurrentVersion\Uninstall\Flowdesk"

!include "MUI2.nsh"
!include "x64.nsh"

Name "Flowdesk"
OutFile "${OutFile}"
InstallDir "$LOCALAPPDATA\Programs\Flowdesk"
InstallDirRegKey HKCU "${UninstallKey}" "InstallLocation"
BrandingText "Flowdesk ${AppVersion}"
VIProductVersion "${AppVersion}.0"
VIAddVersionKey "ProductName" "Flowdesk"
VIAddVersionKey "ProductVersion" "${AppVersion}"
VIAddVersionKey "FileVersion" "${AppVersion}"
VIAddVersionKey "FileDescription" "Flowdesk installer"
VIAddVersionKey "CompanyName" "Flowdesk"
VIAddVersionKey "LegalCopyright" "Flowdesk"

!define MUI_ICON "${IconFile}"
!define MUI_UNICON "${IconFile}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\Flowdesk.exe"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Flowdesk needs 64-bit Windows."
    Abort
  ${EndIf}
FunctionEnd

Section "Flowdesk" SecMain
  SectionIn RO
  ; Before an upgrade overwrites the folder: a running server holds its executable
  ; and DLLs open, so ask it to stop first.
  IfFileExists "$INSTDIR\flowdesk-cli.exe" 0 +2
    ExecWait '"$INSTDIR\flowdesk-cli.exe" server stop'
  ; An upgrade replaces the whole library folder: a module or DLL the new version
  ; no longer ships must not linger and be imported beside new ones.
  RMDir /r "$INSTDIR\_internal"

  SetOutPath "$INSTDIR"
  File /r "${SourceDir}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\Flowdesk.lnk" "$INSTDIR\Flowdesk.exe"

  WriteRegStr HKCU "${UninstallKey}" "DisplayName" "Flowdesk ${AppVersion}"
  WriteRegStr HKCU "${UninstallKey}" "DisplayVersion" "${AppVersion}"
  WriteRegStr HKCU "${UninstallKey}" "Publisher" "Flowdesk"
  WriteRegStr HKCU "${UninstallKey}" "DisplayIcon" "$INSTDIR\Flowdesk.exe"
  WriteRegStr HKCU "${UninstallKey}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UninstallKey}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UninstallKey}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UninstallKey}" "NoModify" 1
  WriteRegDWORD HKCU "${UninstallKey}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; The managed server and runner run from $INSTDIR: stop them before their files go.
  IfFileExists "$INSTDIR\flowdesk-cli.exe" 0 +2
    ExecWait '"$INSTDIR\flowdesk-cli.exe" server stop'
  ; Only what the installer put there: never a user's data (that lives elsewhere).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Flowdesk.exe"
  Delete "$INSTDIR\flowdesk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Flowdesk.lnk"
  DeleteRegKey HKCU "${UninstallKey}"
SectionEnd
