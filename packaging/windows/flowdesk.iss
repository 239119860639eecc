; Flowdesk installer for Windows (Inno Setup 6).
;
; Build (the release workflow does this after PyInstaller):
;   iscc /DAppVersion=X.Y.Z packaging\windows\flowdesk.iss
; AppVersion comes from pyproject.toml (the only place the version lives); the
; bundle is packaging\out\windows\dist\Flowdesk (Flowdesk.exe = window,
; flowdesk-cli.exe = command line; see packaging\README.md).
;
; Per-user install by default (no administrator rights, into
; %LOCALAPPDATA%\Programs\Flowdesk); the dialog offers "for all users" too.
; User data (%LOCALAPPDATA%\Flowdesk) is never touched by install or uninstall.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (read it from pyproject.toml)
#endif
#ifndef SourceDir
  #define SourceDir "..\out\windows\dist\Flowdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\out"
#endif
#ifndef IconFile
  #define IconFile "..\out\icons\flowdesk.ico"
#endif

[Setup]
; Never change AppId: upgrades and the uninstaller find the installed app by it.
AppId={{6E0B8F3C-4D2A-4B7E-9C61-0F5A2D8E4B19}
AppName=Flowdesk
AppVersion={#AppVersion}
AppVerName=Flowdesk {#AppVersion}
AppPublisher=Flowdesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Flowdesk
DefaultGroupName=Flowdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=Flowdesk-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Flowdesk.exe
UninstallDisplayName=Flowdesk {#AppVersion}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
; Restart Manager closes a running window before files are replaced.
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole library folder: a module or DLL the new
; version no longer ships must not linger and be imported beside new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Flowdesk"; Filename: "{app}\Flowdesk.exe"
Name: "{autodesktop}\Flowdesk"; Filename: "{app}\Flowdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Flowdesk.exe"; Description: "{cm:LaunchProgram,Flowdesk}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; The managed server and runner run from {app}: stop them before their files go.
Filename: "{app}\flowdesk-cli.exe"; Parameters: "server stop"; Flags: runhidden waituntilterminated; RunOnceId: "StopFlowdeskServer"

[Code]
{ Before an upgrade overwrites {app}: a running server holds its executable and
  DLLs open (Restart Manager only closes windows), so ask it to stop first. }
function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  Cli: String;
  ResultCode: Integer;
begin
  Result := '';
  Cli := ExpandConstant('{app}\flowdesk-cli.exe');
  if FileExists(Cli) then
    Exec(Cli, 'server stop', '', SW_HIDE, ewWaitUntilTerminated, ResultCode);
end;
