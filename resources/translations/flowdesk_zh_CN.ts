<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>App</name>
        <message>
            <source>Flowdesk is already running but does not answer. If it is stuck, end it in your task manager and start Flowdesk again. (Lock: {path})</source>
            <translation>Flowdesk 已在运行，但没有响应。如果它卡住了，请在任务管理器中结束它，然后重新启动 Flowdesk。（锁文件：{path}）</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>The server moved to a new address.</source>
            <translation>服务器已迁移到新地址。</translation>
        </message>
        <message>
            <source>The server at {url} does not answer.</source>
            <translation>{url} 处的服务器没有响应。</translation>
        </message>
        <message>
            <source>The server is restarting.</source>
            <translation>服务器正在重启。</translation>
        </message>
        <message>
            <source>The server is starting.</source>
            <translation>服务器正在启动。</translation>
        </message>
        <message>
            <source>The server does not answer.</source>
            <translation>服务器没有响应。</translation>
        </message>
        <message>
            <source>The server has stopped.</source>
            <translation>服务器已停止。</translation>
        </message>
        <message>
            <source>The server is stopping.</source>
            <translation>服务器正在停止。</translation>
        </message>
        <message>
            <source>The server failed.</source>
            <translation>服务器出现故障。</translation>
        </message>
        <message>
            <source>The server is not available.</source>
            <translation>服务器不可用。</translation>
        </message>
        <message>
            <source>Restart requested.</source>
            <translation>已请求重启。</translation>
        </message>
        <message>
            <source>Switching to another server.</source>
            <translation>正在切换到另一台服务器。</translation>
        </message>
        <message>
            <source>Quitting.</source>
            <translation>正在退出。</translation>
        </message>
    </context>
    <context>
        <name>AppearancePage</name>
        <message>
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <source>Theme:</source>
            <translation>主题：</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>系统默认</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <source>Both apply at once, to every open window.</source>
            <translation>两者都会立即应用到所有打开的窗口。</translation>
        </message>
    </context>
    <context>
        <name>ApprovalForm</name>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Message to the person (Markdown, {input} placeholders)</source>
            <translation>给处理人的消息（Markdown，可使用 {input} 占位符）</translation>
        </message>
        <message>
            <source>Form fields (what the person answers)</source>
            <translation>表单字段（处理人需要填写的内容）</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>默认值</translation>
        </message>
        <message>
            <source>Min</source>
            <translation>最小值</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>最大值</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>必填</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>The run fails if nobody resumes it in time</source>
            <translation>如果没有人及时恢复，运行将失败</translation>
        </message>
        <message>
            <source>Timeout</source>
            <translation>超时</translation>
        </message>
        <message>
            <source>Edit message of {node}</source>
            <translation>编辑 {node} 的消息</translation>
        </message>
    </context>
    <context>
        <name>ArtifactsView</name>
        <message>
            <source>Loading artifacts…</source>
            <translation>正在读取产出物…</translation>
        </message>
        <message>
            <source>This run made no artifacts. A flow makes them with Prefect's create_markdown_artifact, create_table_artifact, create_link_artifact or create_progress_artifact.</source>
            <translation>此运行没有生成产出物。流程可用 Prefect 的 create_markdown_artifact、create_table_artifact、create_link_artifact 或 create_progress_artifact 生成产出物。</translation>
        </message>
        <message>
            <source>(no key)</source>
            <translation>（无键名）</translation>
        </message>
        <message>
            <source>task {name}</source>
            <translation>任务 {name}</translation>
        </message>
        <message>
            <source>markdown</source>
            <translation>Markdown</translation>
        </message>
        <message>
            <source>table</source>
            <translation>表格</translation>
        </message>
        <message>
            <source>progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>image</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Updated {time}</source>
            <translation>更新于 {time}</translation>
        </message>
        <message>
            <source>This artifact's data cannot be shown: {problem}</source>
            <translation>无法显示此产出物的数据：{problem}</translation>
        </message>
        <message>
            <source>No browser could open {url}.</source>
            <translation>没有浏览器能打开 {url}。</translation>
        </message>
    </context>
    <context>
        <name>AuditView</name>
        <message>
            <source>Resumed</source>
            <translation>已恢复</translation>
        </message>
        <message>
            <source>Resume rejected</source>
            <translation>恢复被拒绝</translation>
        </message>
        <message>
            <source>Pause requested</source>
            <translation>已请求暂停</translation>
        </message>
        <message>
            <source>Suspended</source>
            <translation>已挂起</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Pause extended</source>
            <translation>暂停已延长</translation>
        </message>
        <message>
            <source>Retried</source>
            <translation>已重试</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <source>Variable set</source>
            <translation>已设置变量</translation>
        </message>
        <message>
            <source>Variable deleted</source>
            <translation>已删除变量</translation>
        </message>
        <message>
            <source>Limit created</source>
            <translation>已创建限制</translation>
        </message>
        <message>
            <source>Limit changed</source>
            <translation>已修改限制</translation>
        </message>
        <message>
            <source>Limit reset</source>
            <translation>已重置限制</translation>
        </message>
        <message>
            <source>Limit deleted</source>
            <translation>已删除限制</translation>
        </message>
        <message>
            <source>Schedule added</source>
            <translation>已添加调度</translation>
        </message>
        <message>
            <source>Schedule changed</source>
            <translation>已修改调度</translation>
        </message>
        <message>
            <source>Schedule removed</source>
            <translation>已移除调度</translation>
        </message>
        <message>
            <source>Schedule paused</source>
            <translation>已暂停调度</translation>
        </message>
        <message>
            <source>Schedule resumed</source>
            <translation>已恢复调度</translation>
        </message>
        <message>
            <source>Window</source>
            <translation>窗口</translation>
        </message>
        <message>
            <source>Tray</source>
            <translation>系统托盘</translation>
        </message>
        <message>
            <source>Command line</source>
            <translation>命令行</translation>
        </message>
        <message>
            <source>Designer</source>
            <translation>设计器</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>From</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <source>Run id:</source>
            <translation>运行 ID：</translation>
        </message>
        <message>
            <source>Paste a run id (or part of one) to filter</source>
            <translation>粘贴运行 ID（或其中一部分）进行筛选</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>The audit trail cannot be read: {error}</source>
            <translation>无法读取审计记录：{error}</translation>
        </message>
        <message>
            <source>Nothing recorded yet: pauses, resumes and cancels will appear here.</source>
            <translation>尚无记录：暂停、恢复和取消操作将显示在这里。</translation>
        </message>
        <message>
            <source>{count} entries, newest first.</source>
            <translation>{count} 条记录，最新的在前。</translation>
        </message>
        <message>
            <source>No entry for a run id containing “{text}” ({total} in all).</source>
            <translation>没有运行 ID 包含“{text}”的记录（共 {total} 条）。</translation>
        </message>
        <message>
            <source>{shown} of {total} entries.</source>
            <translation>{shown} / {total} 条记录。</translation>
        </message>
        <message>
            <source>{count} damaged line(s) in {file} could not be read and were skipped.</source>
            <translation>{file} 中有 {count} 行已损坏，无法读取，已跳过。</translation>
        </message>
    </context>
    <context>
        <name>CLI</name>
        <message>
            <source>Prefect on your desk. Without a command, opens the window (--open-run RUN_ID: show that run; --minimised: start in the tray).</source>
            <translation>把 Prefect 放上你的桌面。不带命令时打开窗口（--open-run RUN_ID：显示该运行；--minimised：启动到托盘）。</translation>
        </message>
        <message>
            <source>open the window (the default); takes --open-run RUN_ID and --minimised</source>
            <translation>打开窗口（默认）；可带 --open-run RUN_ID 和 --minimised</translation>
        </message>
        <message>
            <source>start a private server, run and pause flows, check, clean up</source>
            <translation>启动私有服务器，运行和暂停流程，检查，清理</translation>
        </message>
        <message>
            <source>the window is not available in this build ({error})</source>
            <translation>此版本中窗口不可用（{error}）</translation>
        </message>
        <message>
            <source>no Flowdesk server is running; start it with 'flowdesk server start' or open the app</source>
            <translation>没有正在运行的 Flowdesk 服务器；请使用 'flowdesk server start' 启动，或打开应用</translation>
        </message>
        <message>
            <source>flowdesk design: choose a command: validate or compile</source>
            <translation>flowdesk design: 请选择命令：validate 或 compile</translation>
        </message>
        <message>
            <source>check and compile flow designs (*.flowdesk.json)</source>
            <translation>检查并编译流程设计（*.flowdesk.json）</translation>
        </message>
        <message>
            <source>Check flow designs and turn them into Prefect flow modules.</source>
            <translation>检查流程设计，并将其转换为 Prefect 流程模块。</translation>
        </message>
        <message>
            <source>report problems in design files</source>
            <translation>报告设计文件中的问题</translation>
        </message>
        <message>
            <source>Print each problem as FILE:node-title:line:col: severity: message. Exit status 1 if any file has an error, else 0 (warnings allowed).</source>
            <translation>按 FILE:node-title:line:col: severity: message 格式逐行打印每个问题。如有任何文件存在错误，退出状态为 1，否则为 0（允许警告）。</translation>
        </message>
        <message>
            <source>print the problems as a JSON list instead</source>
            <translation>改为以 JSON 列表形式打印问题</translation>
        </message>
        <message>
            <source>write the Prefect flow module of a design</source>
            <translation>写出设计的 Prefect 流程模块</translation>
        </message>
        <message>
            <source>Generate the flow module of FILE (to stdout, or to OUT with -o). Refuses a design with errors (exit status 1).</source>
            <translation>生成 FILE 的流程模块（输出到标准输出，或用 -o 写入 OUT）。设计有错误时拒绝生成（退出状态 1）。</translation>
        </message>
        <message>
            <source>file to write (atomically); default: standard output</source>
            <translation>要写入的文件（原子写入）；默认：标准输出</translation>
        </message>
        <message>
            <source>flowdesk design: {file} has {count} error(s); nothing was written.</source>
            <translation>flowdesk design: {file} 有 {count} 个错误；未写入任何内容。</translation>
        </message>
        <message>
            <source>flowdesk design: cannot write {file}: {error}</source>
            <translation>flowdesk design: 无法写入 {file}：{error}</translation>
        </message>
        <message>
            <source>cannot serve {path}: {problem}</source>
            <translation>无法将 {path} 作为部署提供：{problem}</translation>
        </message>
        <message>
            <source>{deployment}: {path} is not served for it, {owner} already serves that flow name; rename one of the flows</source>
            <translation>{deployment}：{path} 中的该流程未被提供，因为 {owner} 已在提供同名流程；请重命名其中一个流程</translation>
        </message>
        <message>
            <source>{deployment}: your {path} is served instead of the example {example}</source>
            <translation>{deployment}：正在提供你的 {path}，取代示例 {example}</translation>
        </message>
        <message>
            <source>Changed limit {name}: {used}/{slots} slot(s) in use.</source>
            <translation>已修改限制 {name}:已占用 {used}/{slots} 个槽位。</translation>
        </message>
        <message>
            <source>Created limit {name} with {slots} slot(s).</source>
            <translation>已创建限制 {name},共 {slots} 个槽位。</translation>
        </message>
        <message>
            <source>Deleted limit {name}.</source>
            <translation>已删除限制 {name}。</translation>
        </message>
        <message>
            <source>Released every slot of {name}.</source>
            <translation>已释放 {name} 的全部槽位。</translation>
        </message>
        <message>
            <source>the limit's name (with --tag: the tag)</source>
            <translation>限制的名称(加 --tag 时为标签)</translation>
        </message>
        <message>
            <source>NAME is a tag: a tag limit</source>
            <translation>NAME 是标签:按标签限制</translation>
        </message>
        <message>
            <source>list and change concurrency limits</source>
            <translation>列出并修改并发限制</translation>
        </message>
        <message>
            <source>list limits with their slots in use, and the runs held up by one</source>
            <translation>列出各限制及其已占用的槽位,以及被限制挡住的运行</translation>
        </message>
        <message>
            <source>print JSON (for scripts)</source>
            <translation>输出 JSON（供脚本使用）</translation>
        </message>
        <message>
            <source>create a limit</source>
            <translation>创建限制</translation>
        </message>
        <message>
            <source>how many may run at once (0 or more)</source>
            <translation>同时最多可运行几个(0 或以上)</translation>
        </message>
        <message>
            <source>slots freed per second (global limits used as rate limits)</source>
            <translation>每秒释放的槽位数(用作速率限制的全局限制)</translation>
        </message>
        <message>
            <source>change a limit (not below its slots in use)</source>
            <translation>修改限制(不能低于已占用的槽位)</translation>
        </message>
        <message>
            <source>the new number of slots</source>
            <translation>新的槽位数</translation>
        </message>
        <message>
            <source>slots freed per second (global limits)</source>
            <translation>每秒释放的槽位数(全局限制)</translation>
        </message>
        <message>
            <source>enforce the limit (global limits)</source>
            <translation>启用该限制(全局限制)</translation>
        </message>
        <message>
            <source>stop enforcing the limit, keep it (global limits)</source>
            <translation>停用该限制但保留它(全局限制)</translation>
        </message>
        <message>
            <source>delete a limit</source>
            <translation>删除限制</translation>
        </message>
        <message>
            <source>release every slot in use (runs keep running)</source>
            <translation>释放所有已占用的槽位(运行会继续)</translation>
        </message>
        <message>
            <source>No concurrency limits.</source>
            <translation>没有并发限制。</translation>
        </message>
        <message>
            <source>tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>on</source>
            <translation>开</translation>
        </message>
        <message>
            <source>Created a limit of {slots} on tag {name}.</source>
            <translation>已为标签 {name} 创建限制,共 {slots} 个槽位。</translation>
        </message>
        <message>
            <source>global</source>
            <translation>全局</translation>
        </message>
        <message>
            <source>deployment</source>
            <translation>部署</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>NAME</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>KIND</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>IN USE</source>
            <translation>已占用</translation>
        </message>
        <message>
            <source>ACTIVE</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>DECAY</source>
            <translation>衰减</translation>
        </message>
        <message>
            <source>RUN</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>FLOW</source>
            <translation>流程</translation>
        </message>
        <message>
            <source>HELD UP</source>
            <translation>受阻原因</translation>
        </message>
        <message>
            <source>--decay, --on and --off apply to global limits only.</source>
            <translation>--decay、--on 和 --off 只适用于全局限制。</translation>
        </message>
        <message>
            <source>Give the new number of slots for tag {name}.</source>
            <translation>请给出标签 {name} 的新槽位数。</translation>
        </message>
        <message>
            <source>flowdesk: warning: {message}</source>
            <translation>flowdesk：警告：{message}</translation>
        </message>
        <message>
            <source>The database passed its integrity check.</source>
            <translation>数据库已通过完整性检查。</translation>
        </message>
        <message>
            <source>Backups (newest first):</source>
            <translation>备份（最新的在前）：</translation>
        </message>
        <message>
            <source>There is no backup yet.</source>
            <translation>目前还没有备份。</translation>
        </message>
        <message>
            <source>Choose: 'flowdesk server repair --restore-latest' (restore the newest good backup) or 'flowdesk server repair --start-fresh' (move the database aside, start a new history).</source>
            <translation>请选择：'flowdesk server repair --restore-latest'（恢复最新的完好备份）或 'flowdesk server repair --start-fresh'（把数据库移到一旁，开始新的历史记录）。</translation>
        </message>
        <message>
            <source>the server is running on this database; stop it first with 'flowdesk server stop'</source>
            <translation>服务器正在使用这个数据库；请先用 'flowdesk server stop' 停止它</translation>
        </message>
        <message>
            <source>Start the server with 'flowdesk server start'.</source>
            <translation>用 'flowdesk server start' 启动服务器。</translation>
        </message>
        <message>
            <source>The next start creates a new, empty database.</source>
            <translation>下次启动时会新建一个空数据库。</translation>
        </message>
        <message>
            <source>there is no usable backup; 'flowdesk server repair --start-fresh' moves the database aside and starts a new history</source>
            <translation>没有可用的备份；'flowdesk server repair --start-fresh' 会把数据库移到一旁并开始新的历史记录</translation>
        </message>
        <message>
            <source>Server ready at {url}</source>
            <translation>服务器已就绪，地址 {url}</translation>
        </message>
        <message>
            <source>The old file is kept as {path}.</source>
            <translation>旧文件已保留为 {path}。</translation>
        </message>
        <message>
            <source>Restored {db} from {backup}.</source>
            <translation>已从 {backup} 恢复 {db}。</translation>
        </message>
        <message>
            <source>could not repair the database: {error}</source>
            <translation>无法修复数据库：{error}</translation>
        </message>
        <message>
            <source>a run id, or a unique prefix of one</source>
            <translation>运行 ID，或其唯一的前缀</translation>
        </message>
        <message>
            <source>list flow runs</source>
            <translation>列出流程运行</translation>
        </message>
        <message>
            <source>only runs of this flow</source>
            <translation>仅显示此流程的运行</translation>
        </message>
        <message>
            <source>at most N runs (default 20)</source>
            <translation>最多 N 个运行（默认 20）</translation>
        </message>
        <message>
            <source>details of one run</source>
            <translation>显示单个运行的详情</translation>
        </message>
        <message>
            <source>ask a running run to pause at its next checkpoint</source>
            <translation>请求运行中的运行在下一个检查点暂停</translation>
        </message>
        <message>
            <source>stop a deployment's run now; resume restarts it from the top</source>
            <translation>立即停止部署的运行；恢复时将从头重新开始</translation>
        </message>
        <message>
            <source>cancel a run</source>
            <translation>取消运行</translation>
        </message>
        <message>
            <source>run a finished deployment run again</source>
            <translation>再次运行已结束的部署运行</translation>
        </message>
        <message>
            <source>resume a paused run</source>
            <translation>恢复已暂停的运行</translation>
        </message>
        <message>
            <source>JSON object with the values the run asks for</source>
            <translation>包含运行所需值的 JSON 对象</translation>
        </message>
        <message>
            <source>delete a run</source>
            <translation>删除运行</translation>
        </message>
        <message>
            <source>also delete a run that is running</source>
            <translation>同时删除运行中的运行</translation>
        </message>
        <message>
            <source>print a run's logs</source>
            <translation>打印运行的日志</translation>
        </message>
        <message>
            <source>keep printing new lines</source>
            <translation>持续打印新行</translation>
        </message>
        <message>
            <source>the lowest level to print (default debug)</source>
            <translation>输出的最低级别（默认 debug）</translation>
        </message>
        <message>
            <source>start a run of a deployment</source>
            <translation>启动部署的一次运行</translation>
        </message>
        <message>
            <source>flow/deployment, or a flow name</source>
            <translation>流程/部署，或流程名称</translation>
        </message>
        <message>
            <source>a parameter (repeat for more); VALUE is read as JSON when it is JSON</source>
            <translation>一个参数（可重复）；VALUE 是合法 JSON 时按 JSON 读取</translation>
        </message>
        <message>
            <source>wait and print states until done</source>
            <translation>等待并打印状态，直到结束</translation>
        </message>
        <message>
            <source>list deployments and their schedules</source>
            <translation>列出部署及其调度</translation>
        </message>
        <message>
            <source>Artifacts:  none</source>
            <translation>产出物：  无</translation>
        </message>
        <message>
            <source>No runs.</source>
            <translation>没有运行。</translation>
        </message>
        <message>
            <source>State:      {s} {n}</source>
            <translation>状态：     {s} {n}</translation>
        </message>
        <message>
            <source>Flow:       {f}</source>
            <translation>流程：     {f}</translation>
        </message>
        <message>
            <source>Deployment: {d}</source>
            <translation>部署：     {d}</translation>
        </message>
        <message>
            <source>Started:    {t}</source>
            <translation>开始时间： {t}</translation>
        </message>
        <message>
            <source>Duration:   {d}</source>
            <translation>持续时间： {d}</translation>
        </message>
        <message>
            <source>Parameters: {p}</source>
            <translation>参数：     {p}</translation>
        </message>
        <message>
            <source>Artifacts:  {count}</source>
            <translation>产出物：  {count} 个</translation>
        </message>
        <message>
            <source>(no key)</source>
            <translation>（无键名）</translation>
        </message>
        <message>
            <source>Pause requested for {name}: it pauses at its next checkpoint.</source>
            <translation>已请求暂停 {name}：它将在下一个检查点暂停。</translation>
        </message>
        <message>
            <source>Suspended {name}: resume restarts it from the top.</source>
            <translation>已挂起 {name}：恢复时将从头重新开始。</translation>
        </message>
        <message>
            <source>{name}: {state}</source>
            <translation>{name}：{state}</translation>
        </message>
        <message>
            <source>{name} will run again.</source>
            <translation>{name} 将再次运行。</translation>
        </message>
        <message>
            <source>Resumed {name}.</source>
            <translation>已恢复 {name}。</translation>
        </message>
        <message>
            <source>Deleted {name}.</source>
            <translation>已删除 {name}。</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>active</source>
            <translation>活动</translation>
        </message>
        <message>
            <source>DEPLOYMENT</source>
            <translation>部署</translation>
        </message>
        <message>
            <source>SCHEDULE</source>
            <translation>调度</translation>
        </message>
        <message>
            <source>SCHEDULE STATE</source>
            <translation>调度状态</translation>
        </message>
        <message>
            <source>STATUS</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>only runs in this state (repeat for more): {states}</source>
            <translation>仅显示此状态的运行（可重复）：{states}</translation>
        </message>
        <message>
            <source>Message:    {m}</source>
            <translation>消息：     {m}</translation>
        </message>
        <message>
            <source>Paused:     {d}</source>
            <translation>已暂停：   {d}</translation>
        </message>
        <message>
            <source>TYPE</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>KEY</source>
            <translation>键名</translation>
        </message>
        <message>
            <source>DESCRIPTION</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>--input must be a JSON object like '{example}'</source>
            <translation>--input 必须是类似 '{example}' 的 JSON 对象</translation>
        </message>
        <message>
            <source>Started {name} ({id})</source>
            <translation>已启动 {name}（{id}）</translation>
        </message>
        <message>
            <source>Times out:  {t}</source>
            <translation>超时时间： {t}</translation>
        </message>
        <message>
            <source>Input:      {s}</source>
            <translation>输入：     {s}</translation>
        </message>
        <message>
            <source>--input is not valid JSON ({error}); give an object like '{example}'</source>
            <translation>--input 不是有效的 JSON（{error}）；请提供类似 '{example}' 的对象</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>STATE</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>MEANING</source>
            <translation>含义</translation>
        </message>
        <message>
            <source>NEXT</source>
            <translation>下次</translation>
        </message>
        <message>
            <source>Removed schedule {id} of {deployment}.</source>
            <translation>已移除 {deployment} 的调度 {id}。</translation>
        </message>
        <message>
            <source>flow/deployment, a flow name, or an id</source>
            <translation>flow/deployment、流程名称或 id</translation>
        </message>
        <message>
            <source>the schedule's number in 'flowdesk schedule ls', or the start of its id</source>
            <translation>调度在 'flowdesk schedule ls' 中的编号，或其 id 的开头几位</translation>
        </message>
        <message>
            <source>a cron expression, e.g. '0 9 * * 1-5'</source>
            <translation>cron 表达式，例如 '0 9 * * 1-5'</translation>
        </message>
        <message>
            <source>every SECONDS (or with units: 15m, 1h30m, 2d)</source>
            <translation>每隔 SECONDS 秒（也可带单位：15m、1h30m、2d）</translation>
        </message>
        <message>
            <source>an iCalendar RRule, e.g. 'FREQ=WEEKLY;BYDAY=MO'</source>
            <translation>iCalendar RRule，例如 'FREQ=WEEKLY;BYDAY=MO'</translation>
        </message>
        <message>
            <source>an IANA time zone such as Europe/Berlin (default: this machine's)</source>
            <translation>IANA 时区，如 Europe/Berlin（默认：本机时区）</translation>
        </message>
        <message>
            <source>list, add, change and remove schedules</source>
            <translation>列出、添加、修改和移除调度</translation>
        </message>
        <message>
            <source>a deployment's schedules and their next times</source>
            <translation>部署的调度及其接下来的运行时间</translation>
        </message>
        <message>
            <source>add a schedule to a deployment</source>
            <translation>为部署添加调度</translation>
        </message>
        <message>
            <source>add it paused</source>
            <translation>添加为暂停状态</translation>
        </message>
        <message>
            <source>replace a schedule (unchanged if refused)</source>
            <translation>替换一个调度（被拒绝时保持不变）</translation>
        </message>
        <message>
            <source>remove a schedule</source>
            <translation>移除一个调度</translation>
        </message>
        <message>
            <source>pause one schedule (the others keep running)</source>
            <translation>暂停一个调度（其他调度照常运行）</translation>
        </message>
        <message>
            <source>resume one paused schedule</source>
            <translation>恢复一个已暂停的调度</translation>
        </message>
        <message>
            <source>Edited in Flowdesk: kept when the flow file is served again.</source>
            <translation>已在 Flowdesk 中编辑：重新加载流程文件时会保留。</translation>
        </message>
        <message>
            <source>Resumed schedule {id} of {deployment}.</source>
            <translation>已恢复 {deployment} 的调度 {id}。</translation>
        </message>
        <message>
            <source>Paused schedule {id} of {deployment}.</source>
            <translation>已暂停 {deployment} 的调度 {id}。</translation>
        </message>
        <message>
            <source>Added to {deployment}: {schedule} (id {id}).</source>
            <translation>已添加到 {deployment}：{schedule}（id {id}）。</translation>
        </message>
        <message>
            <source>Changed schedule {id} of {deployment}: {schedule}.</source>
            <translation>已修改 {deployment} 的调度 {id}：{schedule}。</translation>
        </message>
        <message>
            <source>{deployment} has no schedule.</source>
            <translation>{deployment} 没有调度。</translation>
        </message>
        <message>
            <source>none (runs until 'flowdesk server stop')</source>
            <translation>无（一直运行到 'flowdesk server stop'）</translation>
        </message>
        <message>
            <source>start, stop or inspect the managed local server</source>
            <translation>启动、停止或查看受管理的本地服务器</translation>
        </message>
        <message>
            <source>start it in the background and wait until ready</source>
            <translation>在后台启动并等待就绪</translation>
        </message>
        <message>
            <source>preferred port (default 4200)</source>
            <translation>首选端口（默认 4200）</translation>
        </message>
        <message>
            <source>give up after S seconds</source>
            <translation>S 秒后放弃</translation>
        </message>
        <message>
            <source>stop the server and the runner</source>
            <translation>停止服务器和运行器</translation>
        </message>
        <message>
            <source>restart the server and the runner</source>
            <translation>重启服务器和运行器</translation>
        </message>
        <message>
            <source>is it running, where, since when</source>
            <translation>是否在运行、在哪里、从何时开始</translation>
        </message>
        <message>
            <source>restore the database from its newest good backup, or start fresh</source>
            <translation>从最新的完好备份恢复数据库，或重新开始</translation>
        </message>
        <message>
            <source>restore the newest good backup</source>
            <translation>恢复最新的完好备份</translation>
        </message>
        <message>
            <source>move the damaged database aside and start a new, empty history</source>
            <translation>把损坏的数据库移到一旁，开始新的空历史记录</translation>
        </message>
        <message>
            <source>print shell lines that point Prefect at the server</source>
            <translation>打印让 Prefect 指向该服务器的 shell 命令</translation>
        </message>
        <message>
            <source>the shell's syntax (default: guessed)</source>
            <translation>shell 的语法（默认：自动判断）</translation>
        </message>
        <message>
            <source>run a command against the managed server</source>
            <translation>针对受管理的服务器运行命令</translation>
        </message>
        <message>
            <source>the command, after --</source>
            <translation>要运行的命令，放在 -- 之后</translation>
        </message>
        <message>
            <source>already running</source>
            <translation>已在运行</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>已就绪</translation>
        </message>
        <message>
            <source>Server stopped.</source>
            <translation>服务器已停止。</translation>
        </message>
        <message>
            <source>No server was running.</source>
            <translation>没有正在运行的服务器。</translation>
        </message>
        <message>
            <source>no server is running; start it with 'flowdesk server start'</source>
            <translation>没有正在运行的服务器；请使用 'flowdesk server start' 启动</translation>
        </message>
        <message>
            <source>No Flowdesk server is running. Start one with 'flowdesk server start'.</source>
            <translation>没有正在运行的 Flowdesk 服务器。请使用 'flowdesk server start' 启动一个。</translation>
        </message>
        <message>
            <source>give the command to run after '--', e.g. flowdesk exec -- python my_flow.py</source>
            <translation>请在 '--' 之后给出要运行的命令，例如 flowdesk exec -- python my_flow.py</translation>
        </message>
        <message>
            <source>Server restarted at {url}</source>
            <translation>服务器已在 {url} 重启</translation>
        </message>
        <message>
            <source>Server:  {phase} at {url}</source>
            <translation>服务器：   {phase}，地址 {url}</translation>
        </message>
        <message>
            <source>Runner:  {phase}</source>
            <translation>运行器：   {phase}</translation>
        </message>
        <message>
            <source>Pids:    supervisor {d}, server {s}, runner {r}; owner {o}</source>
            <translation>进程号：   监督进程 {d}，服务器 {s}，运行器 {r}；所有者 {o}</translation>
        </message>
        <message>
            <source>Restarts: {n}</source>
            <translation>重启次数： {n}</translation>
        </message>
        <message>
            <source>Data:    {path}</source>
            <translation>数据：     {path}</translation>
        </message>
        <message>
            <source>Flows:   {path} (yours; the examples are read-only)</source>
            <translation>流程：     {path}（你的流程；示例为只读）</translation>
        </message>
        <message>
            <source>Logs:    {path}</source>
            <translation>日志：     {path}</translation>
        </message>
        <message>
            <source>Flowdesk server {verb} at {url}</source>
            <translation>Flowdesk 服务器{verb}，地址 {url}</translation>
        </message>
        <message>
            <source>Reason:  {message}</source>
            <translation>原因：   {message}</translation>
        </message>
        <message>
            <source>command not found: {cmd}</source>
            <translation>找不到命令：{cmd}</translation>
        </message>
        <message>
            <source>Created variable {name}.</source>
            <translation>已创建变量 {name}。</translation>
        </message>
        <message>
            <source>Set variable {name}.</source>
            <translation>已设置变量 {name}。</translation>
        </message>
        <message>
            <source>list, read, set and delete Prefect variables</source>
            <translation>列出、读取、设置和删除 Prefect 变量</translation>
        </message>
        <message>
            <source>list variables</source>
            <translation>列出变量</translation>
        </message>
        <message>
            <source>print a variable's value as JSON</source>
            <translation>以 JSON 输出变量的值</translation>
        </message>
        <message>
            <source>create a variable, or replace its value with --overwrite</source>
            <translation>创建变量,或用 --overwrite 替换其值</translation>
        </message>
        <message>
            <source>a JSON value: "text", 42, true, [..], {..}</source>
            <translation>JSON 值:"文本"、42、true、[..]、{..}</translation>
        </message>
        <message>
            <source>store VALUE as text, not JSON</source>
            <translation>把 VALUE 作为文本保存,而不是 JSON</translation>
        </message>
        <message>
            <source>a tag (repeat for more); without it, an overwrite keeps the tags</source>
            <translation>标签(可重复);不给时,覆盖会保留原有标签</translation>
        </message>
        <message>
            <source>replace the value if the variable exists</source>
            <translation>变量已存在时替换其值</translation>
        </message>
        <message>
            <source>delete a variable</source>
            <translation>删除变量</translation>
        </message>
        <message>
            <source>No variables.</source>
            <translation>没有变量。</translation>
        </message>
        <message>
            <source>VALUE</source>
            <translation>值</translation>
        </message>
        <message>
            <source>TAGS</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>UPDATED</source>
            <translation>更新时间</translation>
        </message>
        <message>
            <source>Deleted variable {name}.</source>
            <translation>已删除变量 {name}。</translation>
        </message>
    </context>
    <context>
        <name>ChoiceEditor</name>
        <message>
            <source>— not set —</source>
            <translation>— 未设置 —</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>{value} (not a listed choice)</source>
            <translation>{value}（不在选项列表中）</translation>
        </message>
    </context>
    <context>
        <name>CodeEditor</name>
        <message>
            <source>One item per line</source>
            <translation>每行一项</translation>
        </message>
        <message>
            <source>JSON, e.g. {example}</source>
            <translation>JSON，例如 {example}</translation>
        </message>
    </context>
    <context>
        <name>CodeSection</name>
        <message>
            <source>Available names (click to insert):</source>
            <translation>可用名称（点击插入）：</translation>
        </message>
        <message>
            <source>Click a name to insert it at the cursor</source>
            <translation>点击名称，将其插入到光标处</translation>
        </message>
        <message>
            <source>Insert '{name}'</source>
            <translation>插入 '{name}'</translation>
        </message>
        <message>
            <source>Expression</source>
            <translation>表达式</translation>
        </message>
        <message>
            <source>Body</source>
            <translation>函数体</translation>
        </message>
        <message>
            <source>Line {line}: </source>
            <translation>第 {line} 行： </translation>
        </message>
    </context>
    <context>
        <name>ConditionForm</name>
        <message>
            <source>Nodes fed from 'true' run only when the expression is true; both outputs carry the first input's value.</source>
            <translation>只有表达式为真时，由 'true' 连出的节点才会运行；两个输出都携带第一个输入的值。</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
    </context>
    <context>
        <name>ConnectionPage</name>
        <message>
            <source>(unnamed)</source>
            <translation>（未命名）</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>本地</translation>
        </message>
        <message>
            <source>(in use)</source>
            <translation>（使用中）</translation>
        </message>
        <message>
            <source>Prefect Cloud</source>
            <translation>Prefect Cloud</translation>
        </message>
        <message>
            <source>Remote server</source>
            <translation>远程服务器</translation>
        </message>
        <message>
            <source>The local server is not running yet: it starts with the window.</source>
            <translation>本地服务器尚未运行：它会随窗口一起启动。</translation>
        </message>
        <message>
            <source>“{name}”: {problem} Nothing was saved.</source>
            <translation>“{name}”：{problem} 未保存任何内容。</translation>
        </message>
        <message>
            <source>The profiles could not be saved: {error}</source>
            <translation>无法保存配置档案：{error}</translation>
        </message>
        <message>
            <source>Start at login could not be changed: {error}</source>
            <translation>无法更改登录时启动设置：{error}</translation>
        </message>
        <message>
            <source>Add remote server…</source>
            <translation>添加远程服务器…</translation>
        </message>
        <message>
            <source>Add Prefect Cloud…</source>
            <translation>添加 Prefect Cloud…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Use this profile</source>
            <translation>使用此配置档案</translation>
        </message>
        <message>
            <source>No system keyring is available: secrets are kept in {path}, readable only by you.</source>
            <translation>没有可用的系统密钥环：机密信息保存在 {path} 中，仅你本人可读。</translation>
        </message>
    </context>
    <context>
        <name>ConnectionTester</name>
        <message>
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>Latest runs on this server:</source>
            <translation>此服务器上的最新运行：</translation>
        </message>
        <message>
            <source>(no runs yet)</source>
            <translation>（尚无运行）</translation>
        </message>
        <message>
            <source>Nothing to test yet.</source>
            <translation>暂无可测试的内容。</translation>
        </message>
        <message>
            <source>Testing {url}…</source>
            <translation>正在测试 {url}…</translation>
        </message>
        <message>
            <source>But reading runs failed: {error}</source>
            <translation>但读取运行失败：{error}</translation>
        </message>
        <message>
            <source>Connected: Prefect server {version}.</source>
            <translation>已连接：Prefect 服务器 {version}。</translation>
        </message>
        <message>
            <source>Connected to Prefect Cloud.</source>
            <translation>已连接到 Prefect Cloud。</translation>
        </message>
        <message>
            <source>The address is not usable.</source>
            <translation>该地址不可用。</translation>
        </message>
        <message>
            <source>The host name is unknown.</source>
            <translation>主机名未知。</translation>
        </message>
        <message>
            <source>Nothing answers there.</source>
            <translation>该地址没有任何响应。</translation>
        </message>
        <message>
            <source>That is not a Prefect API.</source>
            <translation>那不是 Prefect API。</translation>
        </message>
        <message>
            <source>The credentials were refused.</source>
            <translation>凭据被拒绝。</translation>
        </message>
        <message>
            <source>The Prefect versions do not match.</source>
            <translation>Prefect 版本不匹配。</translation>
        </message>
        <message>
            <source>The connection failed.</source>
            <translation>连接失败。</translation>
        </message>
    </context>
    <context>
        <name>Core</name>
        <message>
            <source>That object was not found on the server.</source>
            <translation>服务器上找不到该对象。</translation>
        </message>
        <message>
            <source>Cannot reach the Prefect server: {error}</source>
            <translation>无法连接 Prefect 服务器：{error}</translation>
        </message>
        <message>
            <source>The Prefect server did not answer in time.</source>
            <translation>Prefect 服务器未及时响应。</translation>
        </message>
        <message>
            <source>The server refused our credentials (401): check the auth string.</source>
            <translation>服务器拒绝了我们的凭据（401）：请检查认证字符串。</translation>
        </message>
        <message>
            <source>The server refused the request (403): check the auth string.</source>
            <translation>服务器拒绝了该请求（403）：请检查认证字符串。</translation>
        </message>
        <message>
            <source>{what} was not found on the server.</source>
            <translation>服务器上找不到{what}。</translation>
        </message>
        <message>
            <source>The server answered {code}: {detail}</source>
            <translation>服务器返回 {code}：{detail}</translation>
        </message>
        <message>
            <source>'{value}' is not a run id.</source>
            <translation>“{value}”不是运行 ID。</translation>
        </message>
        <message>
            <source>Give a run id (or the first characters of one).</source>
            <translation>请给出运行 ID（或其开头几个字符）。</translation>
        </message>
        <message>
            <source>No deployment '{name}'. Known deployments: {known}.</source>
            <translation>没有名为“{name}”的部署。已知部署：{known}。</translation>
        </message>
        <message>
            <source>Run {id}</source>
            <translation>运行 {id}</translation>
        </message>
        <message>
            <source>No run id starts with '{prefix}'.</source>
            <translation>没有以“{prefix}”开头的运行 ID。</translation>
        </message>
        <message>
            <source>'{prefix}' matches {count} runs ({shown}…): type more of it.</source>
            <translation>“{prefix}”匹配 {count} 个运行（{shown}…）：请再多输入几个字符。</translation>
        </message>
        <message>
            <source>'{name}' matches several deployments: {options}.</source>
            <translation>“{name}”匹配多个部署：{options}。</translation>
        </message>
        <message>
            <source>The server refused the API key ({status}).</source>
            <translation>服务器拒绝了 API 密钥（{status}）。</translation>
        </message>
        <message>
            <source>The server refused the auth string ({status}).</source>
            <translation>服务器拒绝了认证字符串（{status}）。</translation>
        </message>
        <message>
            <source>Connected to Prefect Cloud.</source>
            <translation>已连接到 Prefect Cloud。</translation>
        </message>
        <message>
            <source>Connected: Prefect server {version}.</source>
            <translation>已连接：Prefect 服务器 {version}。</translation>
        </message>
        <message>
            <source>'{url}' is not an http(s) URL. Example: {example}</source>
            <translation>“{url}”不是 http(s) 地址。示例：{example}</translation>
        </message>
        <message>
            <source>'{url}' has no host name. Example: {example}</source>
            <translation>“{url}”没有主机名。示例：{example}</translation>
        </message>
        <message>
            <source>'{url}' does not end with /api. Prefect's API lives under /api, e.g. {example}</source>
            <translation>“{url}”没有以 /api 结尾。Prefect 的 API 位于 /api 之下，例如 {example}</translation>
        </message>
        <message>
            <source>Nothing answers at {host}:{port} (connection refused: {error}).</source>
            <translation>{host}:{port} 无响应（连接被拒绝：{error}）。</translation>
        </message>
        <message>
            <source>Unexpected answer {status} from {url}.</source>
            <translation>{url} 返回了意外的响应 {status}。</translation>
        </message>
        <message>
            <source>The server runs Prefect {server}; this app speaks Prefect {client}. Major versions must match.</source>
            <translation>服务器运行的是 Prefect {server}；本应用使用 Prefect {client}。主版本号必须一致。</translation>
        </message>
        <message>
            <source>The host name '{host}' cannot be resolved (DNS).</source>
            <translation>无法解析主机名“{host}”（DNS）。</translation>
        </message>
        <message>
            <source>There is no Prefect API at {url} (404).</source>
            <translation>{url} 上没有 Prefect API（404）。</translation>
        </message>
        <message>
            <source>{host}:{port} did not answer in {seconds} s.</source>
            <translation>{host}:{port} 在 {seconds} 秒内未响应。</translation>
        </message>
        <message>
            <source>The connection failed: {error}</source>
            <translation>连接失败：{error}</translation>
        </message>
        <message>
            <source>The server rejected the input: {reason}. The run is still paused.</source>
            <translation>服务器拒绝了输入：{reason}。运行仍处于暂停状态。</translation>
        </message>
        <message>
            <source>Concurrency limit '{name}'</source>
            <translation>并发限制“{name}”</translation>
        </message>
        <message>
            <source>The limit of tag '{tag}'</source>
            <translation>标签“{tag}”的限制</translation>
        </message>
        <message>
            <source>Task runs</source>
            <translation>任务运行</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>Concurrency limits</source>
            <translation>并发限制</translation>
        </message>
        <message>
            <source>Prefect refused the limit: {reason}</source>
            <translation>Prefect 拒绝了该限制:{reason}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>{deployment} takes no parameter {names}. Its parameters: {known}.</source>
            <translation>{deployment} 没有参数 {names}。它的参数有：{known}。</translation>
        </message>
        <message>
            <source>The parameters do not fit {deployment}: {problems}.</source>
            <translation>参数与 {deployment} 不符：{problems}。</translation>
        </message>
        <message>
            <source>required, and has no default</source>
            <translation>必填，且没有默认值</translation>
        </message>
        <message>
            <source>A parameter needs KEY=VALUE, got '{pair}'.</source>
            <translation>参数须写成 KEY=VALUE，收到的是“{pair}”。</translation>
        </message>
        <message>
            <source>'{pair}' has no parameter name before '='.</source>
            <translation>“{pair}”中 '=' 前面缺少参数名。</translation>
        </message>
        <message>
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <source>Released its memory after {waited}; resuming restarts it from where it paused: about {seconds} s.</source>
            <translation>已在等待 {waited} 后释放内存；恢复时会重新启动，并从暂停处继续：约需 {seconds} 秒。</translation>
        </message>
        <message>
            <source>{hours:.1f} h</source>
            <translation>{hours:.1f} 小时</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} 分钟</translation>
        </message>
        <message>
            <source>Run '{name}' is {state}; only a running run can pause.</source>
            <translation>运行“{name}”的状态是{state}；只有运行中的运行才能暂停。</translation>
        </message>
        <message>
            <source>Run '{name}' is {state}; it cannot be suspended.</source>
            <translation>运行“{name}”的状态是{state}；无法挂起。</translation>
        </message>
        <message>
            <source>Run '{name}' is {state}, not paused: nothing to resume.</source>
            <translation>运行“{name}”的状态是{state}，并未暂停：无需恢复。</translation>
        </message>
        <message>
            <source>Run '{name}' is {state}, not paused.</source>
            <translation>运行“{name}”的状态是{state}，并未暂停。</translation>
        </message>
        <message>
            <source>This run is paused inside its own process, which enforces the original timeout itself: it cannot be extended from outside.</source>
            <translation>此运行在其自身进程内暂停，该进程会自行执行原定的超时：无法从外部延长。</translation>
        </message>
        <message>
            <source>Run '{name}' is already {state}.</source>
            <translation>运行“{name}”已经是{state}。</translation>
        </message>
        <message>
            <source>Run '{name}' is {state}; only finished runs retry.</source>
            <translation>运行“{name}”的状态是{state}；只有已结束的运行才能重试。</translation>
        </message>
        <message>
            <source>Run '{name}' has no deployment, so it could not be restarted after a suspend.</source>
            <translation>运行“{name}”没有部署，挂起后将无法重新启动。</translation>
        </message>
        <message>
            <source>The server refused to suspend the run: {reason}</source>
            <translation>服务器拒绝挂起该运行：{reason}</translation>
        </message>
        <message>
            <source>The server did not resume the run ({status}): {reason}</source>
            <translation>服务器未恢复该运行（{status}）：{reason}</translation>
        </message>
        <message>
            <source>The run is {state}, not paused: there is no pause to extend.</source>
            <translation>该运行当前为{state}，并未暂停：没有可延长的暂停。</translation>
        </message>
        <message>
            <source>The server did not extend the pause: {reason}</source>
            <translation>服务器未延长暂停：{reason}</translation>
        </message>
        <message>
            <source>Run '{name}' has no deployment, so nothing can start it again: run the flow anew.</source>
            <translation>运行“{name}”没有部署，无法再次启动：请重新运行该流程。</translation>
        </message>
        <message>
            <source>Schedule {id} is no longer on this deployment: it may have been removed elsewhere.</source>
            <translation>调度 {id} 已不在此部署上：可能已在别处被移除。</translation>
        </message>
        <message>
            <source>Prefect refused the schedule: {reason}</source>
            <translation>Prefect 拒绝了该调度：{reason}</translation>
        </message>
        <message>
            <source>Variable '{name}'</source>
            <translation>变量“{name}”</translation>
        </message>
        <message>
            <source>Variables</source>
            <translation>变量</translation>
        </message>
        <message>
            <source>Disk full at {path}: free some space and try again.</source>
            <translation>磁盘已满，无法写入 {path}：请腾出一些空间后重试。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}</source>
            <translation>无法写入 {path}：{reason}</translation>
        </message>
        <message>
            <source>{path} was damaged ({problem}); kept as {kept}.</source>
            <translation>{path} 已损坏（{problem}），已另存为 {kept}。</translation>
        </message>
        <message>
            <source>Enter the secrets of your profiles again in Settings.</source>
            <translation>请在“设置”中重新输入各连接配置的密钥。</translation>
        </message>
        <message>
            <source>The rest of your settings were kept.</source>
            <translation>其余设置均已保留。</translation>
        </message>
        <message>
            <source>Run '{name}' was paused in a process that has ended, so it cannot continue where it paused. It is now Suspended: resume it again to run it from the top; finished tasks are reused.</source>
            <translation>运行“{name}”暂停时所在的进程已经结束，无法从暂停处继续。它现已挂起：再次恢复即可从头重新运行，已完成的任务会被复用。</translation>
        </message>
        <message>
            <source>The progress is not a number.</source>
            <translation>进度值不是数字。</translation>
        </message>
        <message>
            <source>Not opened: “{url}” is a {scheme}: link. Flowdesk opens only web and mail links from a flow's artifacts, since others can open local files or run code. Copy it if you trust it.</source>
            <translation>未打开：“{url}”是 {scheme}: 链接。对于流程产出物中的链接，Flowdesk 只打开网页和邮件链接，因为其他链接可能打开本地文件或运行代码。如果信任它，请复制后自行打开。</translation>
        </message>
        <message>
            <source>“{url}” is not a full web address (no http:// or https://), so it was not opened.</source>
            <translation>“{url}”不是完整的网址（缺少 http:// 或 https://），因此未打开。</translation>
        </message>
        <message>
            <source>Showing the first {shown} of {total} rows.</source>
            <translation>共 {total} 行，仅显示前 {shown} 行。</translation>
        </message>
        <message>
            <source>The flow reported {value}%; shown as {shown}%.</source>
            <translation>流程报告的进度为 {value}%，显示为 {shown}%。</translation>
        </message>
        <message>
            <source>This artifact holds {total} characters; the first {shown} are shown.</source>
            <translation>此产出物共有 {total} 个字符，仅显示前 {shown} 个。</translation>
        </message>
        <message>
            <source>{rows} rows × {columns} columns</source>
            <translation>{rows} 行 × {columns} 列</translation>
        </message>
        <message>
            <source>The table is a dict of columns, but column '{column}' is not a list of values.</source>
            <translation>表格按列以字典给出，但列“{column}”不是值的列表。</translation>
        </message>
        <message>
            <source>The table data is a {kind}; a table is a list of rows or a dict of columns.</source>
            <translation>表格数据是 {kind} 类型；表格应为行的列表或列的字典。</translation>
        </message>
        <message>
            <source>The table data is not valid JSON ({error}).</source>
            <translation>表格数据不是有效的 JSON（{error}）。</translation>
        </message>
        <message>
            <source>The table's rows must all be dicts or all be lists; this one mixes {kinds}.</source>
            <translation>表格的行必须全是字典或全是列表；此表格混用了 {kinds}。</translation>
        </message>
        <message>
            <source>A limit needs a name.</source>
            <translation>限制需要一个名称。</translation>
        </message>
        <message>
            <source>A tag limit needs a tag.</source>
            <translation>标签限制需要一个标签。</translation>
        </message>
        <message>
            <source>A limit must be a whole number of slots (0 or more), not '{text}'.</source>
            <translation>限制必须是整数个槽位(0 或以上),不能是“{text}”。</translation>
        </message>
        <message>
            <source>Slot decay must be a number of slots per second, not '{text}'.</source>
            <translation>槽位衰减必须是每秒的槽位数,不能是“{text}”。</translation>
        </message>
        <message>
            <source>Slot decay must be 0 or more slots per second.</source>
            <translation>槽位衰减必须是每秒 0 个或以上。</translation>
        </message>
        <message>
            <source>waiting for a slot of its deployment's limit</source>
            <translation>正在等待其部署限制的槽位</translation>
        </message>
        <message>
            <source>Nothing to change: give a new limit, decay or on/off.</source>
            <translation>没有要修改的内容:请给出新的限制值、衰减或开/关。</translation>
        </message>
        <message>
            <source>global limit '{name}'</source>
            <translation>全局限制“{name}”</translation>
        </message>
        <message>
            <source>tag limit '{name}'</source>
            <translation>标签限制“{name}”</translation>
        </message>
        <message>
            <source>A limit must be 0 or more slots; {value} is below zero.</source>
            <translation>限制必须是 0 个或以上的槽位;{value} 小于零。</translation>
        </message>
        <message>
            <source>'{name}' has {used} slot(s) in use; a limit of {limit} would be below them. Wait for those runs to finish, or reset the limit first.</source>
            <translation>“{name}”已占用 {used} 个槽位,限制设为 {limit} 会低于这个数。请等这些运行结束,或先重置该限制。</translation>
        </message>
        <message>
            <source>waiting for a slot of {names}</source>
            <translation>正在等待 {names} 的槽位</translation>
        </message>
        <message>
            <source>limit {names} does not exist</source>
            <translation>限制 {names} 不存在</translation>
        </message>
        <message>
            <source>Concurrency limit '{name}' already exists; change it instead.</source>
            <translation>并发限制“{name}”已存在;请改为修改它。</translation>
        </message>
        <message>
            <source>Tag '{tag}' already has a limit; change it instead.</source>
            <translation>标签“{tag}”已有限制;请改为修改它。</translation>
        </message>
        <message>
            <source>A limit's name may not contain / % &amp; &gt; or &lt;: '{char}' at position {position}.</source>
            <translation>限制名称不能包含 / % &amp; &gt; 或 &lt;:第 {position} 个字符是“{char}”。</translation>
        </message>
        <message>
            <source>Names starting with '{prefix}' are Prefect's own (tag and deployment limits); for a tag limit use the tag option.</source>
            <translation>以“{prefix}”开头的名称由 Prefect 自己使用(标签限制和部署限制);要按标签限制,请使用标签选项。</translation>
        </message>
        <message>
            <source>Unexpected error: {error}</source>
            <translation>意外错误：{error}</translation>
        </message>
        <message>
            <source>{name} is {state}: deleting it does not stop its process. Cancel it first, or pass --yes.</source>
            <translation>{name} 的状态为 {state}：删除它不会停止其进程。请先取消它，或传入 --yes。</translation>
        </message>
        <message>
            <source>Random (R) and hashed (H) cron fields are not supported by Prefect.</source>
            <translation>Prefect 不支持随机（R）和哈希（H）cron 字段。</translation>
        </message>
        <message>
            <source>The schedule is empty: write when it should run.</source>
            <translation>调度为空：请填写何时运行。</translation>
        </message>
        <message>
            <source>'{text}' is not an interval: give seconds (3600) or units such as 15m, 1h30m, 2d.</source>
            <translation>“{text}”不是有效的间隔：请填写秒数（3600）或带单位的时长，如 15m、1h30m、2d。</translation>
        </message>
        <message>
            <source>An interval must be at least one second (got '{text}').</source>
            <translation>间隔至少为一秒（当前为“{text}”）。</translation>
        </message>
        <message>
            <source>'{zone}' is not a time zone this machine knows: use an IANA name such as Europe/Berlin or Asia/Shanghai.</source>
            <translation>本机不认识时区“{zone}”：请使用 IANA 名称，如 Europe/Berlin 或 Asia/Shanghai。</translation>
        </message>
        <message>
            <source>'{expr}' is not a cron expression: it needs five fields (minute hour day-of-month month day-of-week), e.g. '0 9 * * 1-5'.</source>
            <translation>“{expr}”不是有效的 cron 表达式：需要五个字段（分 时 日 月 星期），例如“0 9 * * 1-5”。</translation>
        </message>
        <message>
            <source>The RRule is {length} characters long; Prefect takes at most {most}.</source>
            <translation>该 RRule 长 {length} 个字符；Prefect 最多接受 {most} 个。</translation>
        </message>
        <message>
            <source>Unknown kind of schedule '{kind}'.</source>
            <translation>未知的调度类型“{kind}”。</translation>
        </message>
        <message>
            <source>'{rule}' is not a valid RRule: {reason}</source>
            <translation>“{rule}”不是有效的 RRule：{reason}</translation>
        </message>
        <message>
            <source>custom cron schedule</source>
            <translation>自定义 cron 调度</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>星期日</translation>
        </message>
        <message>
            <source>Monday</source>
            <translation>星期一</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>星期二</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>星期三</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>星期四</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>星期五</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>星期六</translation>
        </message>
        <message>
            <source>every minute</source>
            <translation>每分钟</translation>
        </message>
        <message>
            <source>every week</source>
            <translation>每周</translation>
        </message>
        <message>
            <source>every {n} weeks</source>
            <translation>每 {n} 周</translation>
        </message>
        <message>
            <source>every day</source>
            <translation>每天</translation>
        </message>
        <message>
            <source>every {n} days</source>
            <translation>每 {n} 天</translation>
        </message>
        <message>
            <source>every hour</source>
            <translation>每小时</translation>
        </message>
        <message>
            <source>every {n} hours</source>
            <translation>每 {n} 小时</translation>
        </message>
        <message>
            <source>every {n} minutes</source>
            <translation>每 {n} 分钟</translation>
        </message>
        <message>
            <source>every {n} seconds</source>
            <translation>每 {n} 秒</translation>
        </message>
        <message>
            <source>on day {day} of every month at {time}</source>
            <translation>每月 {day} 日 {time}</translation>
        </message>
        <message>
            <source>{schedule} ({zone})</source>
            <translation>{schedule}（{zone}）</translation>
        </message>
        <message>
            <source>every hour at minute {m}</source>
            <translation>每小时第 {m} 分钟</translation>
        </message>
        <message>
            <source>every {n} hours at minute {m}</source>
            <translation>每 {n} 小时的第 {m} 分钟</translation>
        </message>
        <message>
            <source>every day at {time}</source>
            <translation>每天 {time}</translation>
        </message>
        <message>
            <source>every weekday at {time}</source>
            <translation>每个工作日 {time}</translation>
        </message>
        <message>
            <source>every Saturday and Sunday at {time}</source>
            <translation>每周六和周日 {time}</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>every {days} at {time}</source>
            <translation>每{days} {time}</translation>
        </message>
        <message>
            <source>RRule: {rule}</source>
            <translation>RRule：{rule}</translation>
        </message>
        <message>
            <source>There is no schedule number {n}: this deployment has {count}.</source>
            <translation>没有编号为 {n} 的调度：此部署共有 {count} 个。</translation>
        </message>
        <message>
            <source>No schedule of this deployment has an id starting with '{ref}'.</source>
            <translation>此部署没有 id 以“{ref}”开头的调度。</translation>
        </message>
        <message>
            <source>'{ref}' matches {count} schedules: type more of the id.</source>
            <translation>“{ref}”匹配到 {count} 个调度：请多输入几位 id。</translation>
        </message>
        <message>
            <source>Nothing was changed: Flowdesk could not record that these schedules are yours ({path}: {error}), so re-serving the flow file would undo the change.</source>
            <translation>未做任何更改：Flowdesk 无法记录这些调度由您设置（{path}：{error}），重新加载流程文件时会撤销此更改。</translation>
        </message>
        <message>
            <source>Done, but the audit trail could not be written to {path}: {error}</source>
            <translation>操作已完成，但无法写入审计记录 {path}：{error}</translation>
        </message>
        <message>
            <source>A variable name may contain only lowercase letters a-z, digits 0-9, dashes (-) and underscores (_).</source>
            <translation>变量名只能包含小写字母 a-z、数字 0-9、短横线(-)和下划线(_)。</translation>
        </message>
        <message>
            <source>A variable needs a name.</source>
            <translation>变量需要一个名称。</translation>
        </message>
        <message>
            <source>A value is needed: JSON such as "text", 42, true, null, [1, 2] or {"a": 1}.</source>
            <translation>需要一个值:JSON,例如 "text"、42、true、null、[1, 2] 或 {"a": 1}。</translation>
        </message>
        <message>
            <source>A space</source>
            <translation>空格</translation>
        </message>
        <message>
            <source>A tag cannot be empty.</source>
            <translation>标签不能为空。</translation>
        </message>
        <message>
            <source>A variable name may be at most {max} characters; this one has {count}.</source>
            <translation>变量名最多 {max} 个字符;这个有 {count} 个。</translation>
        </message>
        <message>
            <source>A variable's value may be at most {max} characters of JSON; this one has {count}.</source>
            <translation>变量值的 JSON 最多 {max} 个字符;这个有 {count} 个。</translation>
        </message>
        <message>
            <source>Variable '{name}' already exists; use --overwrite to replace it.</source>
            <translation>变量“{name}”已存在;要替换它请加 --overwrite。</translation>
        </message>
        <message>
            <source>variable '{name}'</source>
            <translation>变量“{name}”</translation>
        </message>
        <message>
            <source>{rule} {char} at position {position} is not allowed.</source>
            <translation>{rule}第 {position} 个字符 {char} 不允许。</translation>
        </message>
        <message>
            <source>Not JSON: {word} is not a JSON number; use null or a number.</source>
            <translation>不是 JSON:{word} 不是 JSON 数字;请用 null 或一个数字。</translation>
        </message>
        <message>
            <source>The value cannot be written as JSON: {error}</source>
            <translation>该值无法写成 JSON:{error}</translation>
        </message>
        <message>
            <source>Text must be in double quotes: "{text}".</source>
            <translation>文本必须放在双引号里:"{text}"。</translation>
        </message>
        <message>
            <source>Not JSON: {reason} at line {line}, column {column}.</source>
            <translation>不是 JSON:第 {line} 行第 {column} 列:{reason}。</translation>
        </message>
        <message>
            <source>Rename design</source>
            <translation>重命名设计</translation>
        </message>
        <message>
            <source>Edit description</source>
            <translation>编辑描述</translation>
        </message>
        <message>
            <source>Add {node}</source>
            <translation>添加 {node}</translation>
        </message>
        <message>
            <source>Delete {node}</source>
            <translation>删除 {node}</translation>
        </message>
        <message>
            <source>Connect {source} → {target}</source>
            <translation>连接 {source} → {target}</translation>
        </message>
        <message>
            <source>Disconnect {source} → {target}</source>
            <translation>断开 {source} → {target}</translation>
        </message>
        <message>
            <source>Rename {old} to {new}</source>
            <translation>将 {old} 重命名为 {new}</translation>
        </message>
        <message>
            <source>Delete {count} nodes</source>
            <translation>删除 {count} 个节点</translation>
        </message>
        <message>
            <source>Move {count} nodes</source>
            <translation>移动 {count} 个节点</translation>
        </message>
        <message>
            <source>Move {node}</source>
            <translation>移动 {node}</translation>
        </message>
        <message>
            <source>Edit {node}</source>
            <translation>编辑 {node}</translation>
        </message>
        <message>
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>The {what} is empty.</source>
            <translation>{what}为空。</translation>
        </message>
        <message>
            <source>The {what} '{name}' is a Python keyword; choose another word.</source>
            <translation>{what}“{name}”是 Python 关键字，请换一个词。</translation>
        </message>
        <message>
            <source>The {what} '{name}' is not a valid Python name: use letters, digits and _, not starting with a digit.</source>
            <translation>{what}“{name}”不是有效的 Python 名称：只能使用字母、数字和 _，且不能以数字开头。</translation>
        </message>
        <message>
            <source>The {what} '{name}' is longer than {limit} characters.</source>
            <translation>{what}“{name}”超过了 {limit} 个字符。</translation>
        </message>
        <message>
            <source>The {what} '{name}' is easily misread (l, O, I); choose a longer name.</source>
            <translation>{what}“{name}”容易看错（l、O、I），请换一个更长的名称。</translation>
        </message>
        <message>
            <source>Flowdesk's generated code</source>
            <translation>Flowdesk 生成的代码</translation>
        </message>
        <message>
            <source>the flow function</source>
            <translation>流程函数</translation>
        </message>
        <message>
            <source>flow parameter</source>
            <translation>流程参数</translation>
        </message>
        <message>
            <source>parameter default</source>
            <translation>参数默认值</translation>
        </message>
        <message>
            <source>task function</source>
            <translation>任务函数</translation>
        </message>
        <message>
            <source>loop helper</source>
            <translation>循环辅助函数</translation>
        </message>
        <message>
            <source>input class</source>
            <translation>输入类</translation>
        </message>
        <message>
            <source>description constant</source>
            <translation>描述常量</translation>
        </message>
        <message>
            <source>output variable</source>
            <translation>输出变量</translation>
        </message>
        <message>
            <source>the design name</source>
            <translation>设计名称</translation>
        </message>
        <message>
            <source>the {role} of '{title}'</source>
            <translation>“{title}”的{role}</translation>
        </message>
        <message>
            <source>the {role} of a node</source>
            <translation>某个节点的{role}</translation>
        </message>
        <message>
            <source> and </source>
            <translation>和</translation>
        </message>
        <message>
            <source>'{name}' ({owner}) is also {others}; names in the generated module must be unique.</source>
            <translation>“{name}”（{owner}）同时也是{others}；生成的模块中名称必须唯一。</translation>
        </message>
        <message>
            <source>The titles {titles} both become the Python name '{name}'; make them differ.</source>
            <translation>标题 {titles} 都会变成 Python 名称“{name}”，请让它们有所区别。</translation>
        </message>
        <message>
            <source>'{name}' ({owner}) is a name the generated module already uses; choose another.</source>
            <translation>“{name}”（{owner}）是生成的模块已在使用的名称，请换一个。</translation>
        </message>
        <message>
            <source>'{name}' would hide Python's builtin '{name}'; choose another title.</source>
            <translation>“{name}”会遮蔽 Python 内置的“{name}”，请换一个标题。</translation>
        </message>
        <message>
            <source>'{name}' ({owner}) would hide {hidden} in the generated flow; rename one of them.</source>
            <translation>“{name}”（{owner}）会在生成的流程中遮蔽{hidden}，请重命名其中之一。</translation>
        </message>
        <message>
            <source>design name</source>
            <translation>设计名称</translation>
        </message>
        <message>
            <source>input name</source>
            <translation>输入名称</translation>
        </message>
        <message>
            <source>parameter name</source>
            <translation>参数名称</translation>
        </message>
        <message>
            <source>field name</source>
            <translation>字段名称</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>The {what} '{title}' needs at least one letter or digit.</source>
            <translation>{what}“{title}”至少需要一个字母或数字。</translation>
        </message>
        <message>
            <source>The {what} '{title}' becomes the Python name '{slug}', which is a keyword or too easily misread; add or change a word.</source>
            <translation>{what}“{title}”会变成 Python 名称“{slug}”，它是关键字或太容易看错，请增加或更换一个词。</translation>
        </message>
        <message>
            <source>Retries must be a whole number, 0 or more.</source>
            <translation>重试次数必须是不小于 0 的整数。</translation>
        </message>
        <message>
            <source>The retry delay must be 0 seconds or more.</source>
            <translation>重试间隔必须不小于 0 秒。</translation>
        </message>
        <message>
            <source>The timeout must be more than 0 seconds, or empty for none.</source>
            <translation>超时必须大于 0 秒，留空表示不限。</translation>
        </message>
        <message>
            <source>The timeout must be a whole number of seconds, more than 0.</source>
            <translation>超时必须是大于 0 的整数秒。</translation>
        </message>
        <message>
            <source>The maximum is smaller than the minimum.</source>
            <translation>最大值小于最小值。</translation>
        </message>
        <message>
            <source>The body never returns a value, so the nodes it feeds get None; add a `return`.</source>
            <translation>代码从不返回值，因此它连接的节点只会收到 None；请加上 `return`。</translation>
        </message>
        <message>
            <source>The {what} '{name}' is reserved here; choose another name.</source>
            <translation>{what}“{name}”在这里是保留名称，请换一个。</translation>
        </message>
        <message>
            <source>The {what} '{name}' is used twice; names must be unique.</source>
            <translation>{what}“{name}”用了两次；名称必须唯一。</translation>
        </message>
        <message>
            <source>Only number fields have a minimum or maximum.</source>
            <translation>只有数字字段才有最小值或最大值。</translation>
        </message>
        <message>
            <source>A required field has no default: this default is ignored.</source>
            <translation>必填字段没有默认值：这里的默认值会被忽略。</translation>
        </message>
        <message>
            <source>Only one parameters node is allowed; move these parameters to '{title}'.</source>
            <translation>只允许一个参数节点；请把这些参数移到“{title}”。</translation>
        </message>
        <message>
            <source>Unknown field type '{type}'; use one of {types}.</source>
            <translation>未知的字段类型“{type}”；请使用以下之一：{types}。</translation>
        </message>
        <message>
            <source>The default is outside the minimum/maximum range.</source>
            <translation>默认值超出了最小值/最大值范围。</translation>
        </message>
        <message>
            <source>'{title}' is part of a loop ({loop}); remove one of these connections.</source>
            <translation>“{title}”处在一个环路中（{loop}）；请删除其中一条连线。</translation>
        </message>
        <message>
            <source>Unknown type '{type}'.</source>
            <translation>未知类型“{type}”。</translation>
        </message>
        <message>
            <source>Nothing is connected to 'true' or 'false', so this condition decides nothing. Drag from its 'true' or 'false' port to the input of the node that should run in that case.</source>
            <translation>“true”和“false”都没有连接，这个条件什么也决定不了。请从它的“true”或“false”端口拖到该情况下要运行的节点的输入上。</translation>
        </message>
        <message>
            <source>Unknown parameter type '{type}'; use one of {types}.</source>
            <translation>未知的参数类型“{type}”；请使用以下之一：{types}。</translation>
        </message>
        <message>
            <source>A field name may not start with '_' or 'model_' ('{name}').</source>
            <translation>字段名称不能以“_”或“model_”开头（“{name}”）。</translation>
        </message>
        <message>
            <source>The minimum must be a number.</source>
            <translation>最小值必须是数字。</translation>
        </message>
        <message>
            <source>The maximum must be a number.</source>
            <translation>最大值必须是数字。</translation>
        </message>
        <message>
            <source>The default is not a {type}: {value}.</source>
            <translation>默认值不是 {type}：{value}。</translation>
        </message>
        <message>
            <source>Input '{port}' of '{node}' is not connected: drag from an output port (right side of a node) onto this input, or remove the input.</source>
            <translation>“{node}”的输入“{port}”没有连接：请从某个输出端口（节点右侧）拖到这个输入上，或删除这个输入。</translation>
        </message>
        <message>
            <source>Input '{port}' expects {type} but '{source}' gives {given} ('{output}').</source>
            <translation>输入“{port}”需要 {type}，但“{source}”给出的是 {given}（“{output}”）。</translation>
        </message>
        <message>
            <source>'{title}' depends on both the true and the false branch of '{condition}', so it can never run.</source>
            <translation>“{title}”同时依赖“{condition}”的 true 和 false 分支，因此永远不会运行。</translation>
        </message>
        <message>
            <source>The default of '{name}' is not a {type}: {value}.</source>
            <translation>“{name}”的默认值不是 {type}：{value}。</translation>
        </message>
        <message>
            <source>'{placeholder}' is not an input of this node, so it is shown as is; add an input of that name.</source>
            <translation>“{placeholder}”不是这个节点的输入，会按原样显示；请添加一个同名的输入。</translation>
        </message>
    </context>
    <context>
        <name>DashboardStrip</name>
        <message>
            <source>Local cost</source>
            <translation>本地开销</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Runner</source>
            <translation>运行器</translation>
        </message>
        <message>
            <source>This window</source>
            <translation>此窗口</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>The runner and the flow runs it started</source>
            <translation>运行器及其启动的流程运行</translation>
        </message>
        <message>
            <source>not running</source>
            <translation>未运行</translation>
        </message>
        <message>
            <source>{memory} · {cpu:.1f} % CPU</source>
            <translation>{memory} · {cpu:.1f} % CPU</translation>
        </message>
        <message numerus="yes">
            <source>(%n run(s))</source>
            <translation>（%n 个运行）</translation>
        </message>
    </context>
    <context>
        <name>DatabaseRepair</name>
        <message>
            <source>The run history database {path} is damaged.</source>
            <translation>运行历史数据库 {path} 已损坏。</translation>
        </message>
        <message>
            <source>The run history database {path} is empty (0 bytes).</source>
            <translation>运行历史数据库 {path} 是空的（0 字节）。</translation>
        </message>
        <message>
            <source>The run history database {path} has lost most of its size since its last backup.</source>
            <translation>与上次备份相比，运行历史数据库 {path} 丢失了大部分内容。</translation>
        </message>
        <message>
            <source>The run history database {path} is missing, but backups exist.</source>
            <translation>运行历史数据库 {path} 不见了，但还有备份。</translation>
        </message>
        <message>
            <source>The server was not started and nothing has been changed yet.</source>
            <translation>服务器没有启动，目前也没有改动任何文件。</translation>
        </message>
        <message>
            <source>Repair the database</source>
            <translation>修复数据库</translation>
        </message>
        <message>
            <source>Restore the newest good backup (runs since that backup are lost), or start a new, empty history. Either way the damaged file is kept beside it, renamed.</source>
            <translation>可以恢复最新的完好备份（该备份之后的运行记录会丢失），或开始一个新的空历史记录。无论哪种方式，损坏的文件都会改名后保留在原处旁边。</translation>
        </message>
        <message>
            <source>Restore newest backup</source>
            <translation>恢复最新备份</translation>
        </message>
        <message>
            <source>Start fresh</source>
            <translation>重新开始</translation>
        </message>
        <message>
            <source>There is no usable backup. Choose Start fresh to begin a new history.</source>
            <translation>没有可用的备份。请选择“重新开始”来开始新的历史记录。</translation>
        </message>
        <message>
            <source>Could not repair the database: {error}</source>
            <translation>无法修复数据库：{error}</translation>
        </message>
    </context>
    <context>
        <name>DeployScheduleDialog</name>
        <message>
            <source>Deploy with a schedule</source>
            <translation>部署并设置调度</translation>
        </message>
        <message>
            <source>The schedule is added to the deployment once it is served; schedules it already has stay (change them in Deployments → Schedules…).</source>
            <translation>部署被加载后会添加此调度；它已有的调度保持不变（可在“部署”→“调度…”中修改）。</translation>
        </message>
        <message>
            <source>Deploy</source>
            <translation>部署</translation>
        </message>
    </context>
    <context>
        <name>Deployer</name>
        <message>
            <source>Could not write the flow file: {error}</source>
            <translation>无法写入流程文件：{error}</translation>
        </message>
        <message>
            <source>Wrote {file}, but there is no connection to the server: it will be served when the server runs.</source>
            <translation>已写入 {file}，但未连接到服务器：服务器运行后将为其提供服务。</translation>
        </message>
        <message>
            <source>Deploying {name}…</source>
            <translation>正在部署 {name}…</translation>
        </message>
        <message>
            <source>The runner could not load {file}: {error}</source>
            <translation>运行器无法加载 {file}：{error}</translation>
        </message>
        <message>
            <source>{name} did not appear on the server within {seconds} s; is the runner running? (Server menu → Show server log)</source>
            <translation>{name} 未在 {seconds} 秒内出现在服务器上；运行器是否在运行？（服务器菜单 → 显示服务器日志）</translation>
        </message>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
    </context>
    <context>
        <name>DeploymentsTable</name>
        <message>
            <source>No schedule</source>
            <translation>无调度</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>活动</translation>
        </message>
        <message>
            <source>Example (read-only): {path}. To change it, use “Copy to my flows” in the Deployments tab and edit your copy.</source>
            <translation>示例（只读）：{path}。如需修改，请在“部署”标签页中使用“复制到我的流程”，然后编辑你的副本。</translation>
        </message>
        <message>
            <source>Your flow file: {path}. Edit it and the next run uses it.</source>
            <translation>你的流程文件：{path}。编辑后，下一次运行即使用新内容。</translation>
        </message>
        <message>
            <source>{name} · example (read-only)</source>
            <translation>{name} · 示例（只读）</translation>
        </message>
        <message>
            <source>Flow</source>
            <translation>流程</translation>
        </message>
        <message>
            <source>Deployment</source>
            <translation>部署</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>调度计划</translation>
        </message>
        <message>
            <source>Next run</source>
            <translation>下次运行</translation>
        </message>
        <message>
            <source>Schedule state</source>
            <translation>调度状态</translation>
        </message>
        <message>
            <source>Last run</source>
            <translation>上次运行</translation>
        </message>
        <message>
            <source>Work pool</source>
            <translation>工作池</translation>
        </message>
    </context>
    <context>
        <name>DeploymentsView</name>
        <message>
            <source>Run now</source>
            <translation>立即运行</translation>
        </message>
        <message>
            <source>Start a run with the default parameters</source>
            <translation>使用默认参数启动运行</translation>
        </message>
        <message>
            <source>Run with parameters…</source>
            <translation>带参数运行…</translation>
        </message>
        <message>
            <source>Choose the parameters, then start a run</source>
            <translation>选择参数，然后启动运行</translation>
        </message>
        <message>
            <source>Pause schedule</source>
            <translation>暂停调度</translation>
        </message>
        <message>
            <source>Stop scheduling new runs</source>
            <translation>停止调度新的运行</translation>
        </message>
        <message>
            <source>Resume schedule</source>
            <translation>恢复调度</translation>
        </message>
        <message>
            <source>Schedule runs again</source>
            <translation>重新开始调度运行</translation>
        </message>
        <message>
            <source>Schedules…</source>
            <translation>调度…</translation>
        </message>
        <message>
            <source>Add, change, pause or remove this deployment's schedules</source>
            <translation>添加、修改、暂停或移除此部署的调度</translation>
        </message>
        <message>
            <source>Show runs</source>
            <translation>显示运行</translation>
        </message>
        <message>
            <source>Show this deployment's runs in the Runs tab</source>
            <translation>在“运行”标签页中显示此部署的运行</translation>
        </message>
        <message>
            <source>Latest artifacts…</source>
            <translation>最新产出物…</translation>
        </message>
        <message>
            <source>The newest artifact of each key this flow made</source>
            <translation>此流程每个键名的最新产出物</translation>
        </message>
        <message>
            <source>Copy to my flows</source>
            <translation>复制到我的流程</translation>
        </message>
        <message>
            <source>Copy this read-only example into your flows folder under a new name, to change it</source>
            <translation>将这个只读示例以新名称复制到你的流程文件夹，以便修改</translation>
        </message>
        <message>
            <source>Deployment actions</source>
            <translation>部署操作</translation>
        </message>
        <message>
            <source>Could not load deployments: {error}</source>
            <translation>无法加载部署：{error}</translation>
        </message>
        <message>
            <source>No deployments yet. Flowdesk serves every flow file in its flows folders; they appear here once the local server's runner has registered them.</source>
            <translation>尚无部署。Flowdesk 会为其流程文件夹中的每个流程文件提供服务；本地服务器的运行器注册它们后，它们就会显示在这里。</translation>
        </message>
        <message>
            <source>Not connected to the server.</source>
            <translation>未连接到服务器。</translation>
        </message>
        <message>
            <source>In progress…</source>
            <translation>正在进行…</translation>
        </message>
        <message>
            <source>Could not start {name}: {error}</source>
            <translation>无法启动 {name}：{error}</translation>
        </message>
        <message>
            <source>Started {run} of {flow}.</source>
            <translation>已启动 {flow} 的运行 {run}。</translation>
        </message>
        <message>
            <source>Schedule of {name} resumed.</source>
            <translation>{name} 的调度已恢复。</translation>
        </message>
        <message>
            <source>Schedule of {name} paused.</source>
            <translation>{name} 的调度已暂停。</translation>
        </message>
        <message>
            <source>Could not change the schedule of {name}: {error}</source>
            <translation>无法更改 {name} 的调度：{error}</translation>
        </message>
        <message>
            <source>Could not copy {name}: {error}</source>
            <translation>无法复制 {name}：{error}</translation>
        </message>
        <message>
            <source>Copied {name} to {path} as the flow {flow}; it appears here in a moment. Edit that file: the next run uses it.</source>
            <translation>已将 {name} 复制到 {path}，流程名为 {flow}，稍后会出现在这里。编辑该文件后，下一次运行即使用新内容。</translation>
        </message>
    </context>
    <context>
        <name>DesignDocument</name>
        <message>
            <source>Untitled design</source>
            <translation>未命名设计</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>Choose where to save first.</source>
            <translation>请先选择保存位置。</translation>
        </message>
    </context>
    <context>
        <name>DesignEditingMixin</name>
        <message>
            <source>Add {node}</source>
            <translation>添加 {node}</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>Copied {count} nodes</source>
            <translation>已复制 {count} 个节点</translation>
        </message>
        <message>
            <source>The clipboard holds no Flowdesk nodes.</source>
            <translation>剪贴板中没有 Flowdesk 节点。</translation>
        </message>
        <message>
            <source>Tidy up</source>
            <translation>整理</translation>
        </message>
    </context>
    <context>
        <name>DesignFilesMixin</name>
        <message>
            <source>{name} (copy)</source>
            <translation>{name}（副本）</translation>
        </message>
        <message>
            <source>Could not open the example {file}.</source>
            <translation>无法打开示例 {file}。</translation>
        </message>
        <message>
            <source>This is a copy of the example “{name}”: change it freely, Save keeps it in your designs folder.</source>
            <translation>这是示例“{name}”的副本：可以随意修改，保存时会存到你的设计文件夹。</translation>
        </message>
        <message>
            <source>Open its autosave</source>
            <translation>打开其自动保存</translation>
        </message>
        <message>
            <source>Could not open {file}; nothing was changed.</source>
            <translation>无法打开 {file}；未做任何更改。</translation>
        </message>
        <message>
            <source>{file} has an autosave newer than the file (unsaved changes from an earlier session). Restore it?</source>
            <translation>{file} 有一份比文件更新的自动保存（来自之前会话的未保存更改）。要还原吗？</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>还原</translation>
        </message>
        <message>
            <source>Discard it</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <source>Opened {file}</source>
            <translation>已打开 {file}</translation>
        </message>
        <message>
            <source>Could not restore the autosave:</source>
            <translation>无法还原自动保存：</translation>
        </message>
        <message>
            <source>Restored unsaved changes; save to keep them.</source>
            <translation>已还原未保存的更改；请保存以保留它们。</translation>
        </message>
        <message>
            <source>belongs to {file}</source>
            <translation>属于 {file}</translation>
        </message>
        <message>
            <source>never saved</source>
            <translation>从未保存</translation>
        </message>
        <message>
            <source>Unsaved changes to “{name}” ({where}) were kept when Flowdesk stopped. Restore them?</source>
            <translation>Flowdesk 停止时保留了“{name}”（{where}）未保存的更改。要恢复吗？</translation>
        </message>
        <message>
            <source>(1 of {count})</source>
            <translation>（共 {count} 个中的第 1 个）</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <source>Flowdesk designs (*.flowdesk.json);;JSON files (*.json);;All files (*)</source>
            <translation>Flowdesk 设计 (*.flowdesk.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Open design</source>
            <translation>打开设计</translation>
        </message>
        <message>
            <source>Not saved — your design is still open here, nothing was lost.</source>
            <translation>未保存 — 你的设计仍在此处打开，没有丢失任何内容。</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>Saved {file}</source>
            <translation>已保存 {file}</translation>
        </message>
        <message>
            <source>Save design as</source>
            <translation>设计另存为</translation>
        </message>
        <message>
            <source>Autosave failed (your design is still open):</source>
            <translation>自动保存失败（你的设计仍处于打开状态）：</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <source>Save the changes to {name}?</source>
            <translation>要保存对 {name} 的更改吗？</translation>
        </message>
        <message>
            <source>If you discard them, they are gone.</source>
            <translation>如果丢弃，这些更改将无法找回。</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>丢弃(&amp;D)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Save the design first; it is deployed right after.</source>
            <translation>请先保存设计；保存后会立即部署。</translation>
        </message>
    </context>
    <context>
        <name>DesignForm</name>
        <message>
            <source>Also the flow's name (deployment '&lt;name&gt;/local')</source>
            <translation>同时也是流程的名称（部署 '&lt;name&gt;/local'）</translation>
        </message>
        <message>
            <source>Design name</source>
            <translation>设计名称</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>{nodes} nodes, {edges} connections. Select a node to edit it.</source>
            <translation>{nodes} 个节点，{edges} 个连接。选择一个节点即可编辑。</translation>
        </message>
    </context>
    <context>
        <name>DesignerBasicsDialog</name>
        <message>
            <source>Designer basics</source>
            <translation>设计器入门</translation>
        </message>
        <message>
            <source>What the designer makes</source>
            <translation>设计器能做什么</translation>
        </message>
        <message>
            <source>A design is a Prefect flow drawn as boxes (nodes) joined by wires. Each node is a step; a wire hands one step's result to the next. Flowdesk turns the drawing into a Python flow module, serves it as a deployment and runs it on your local server.</source>
            <translation>一个设计就是画出来的 Prefect 流程：方框（节点）之间用连线相连。每个节点是一个步骤；连线把一个步骤的结果交给下一个。Flowdesk 会把这张图变成 Python 流程模块，作为部署提供服务，并在你的本地服务器上运行。</translation>
        </message>
        <message>
            <source>Add nodes</source>
            <translation>添加节点</translation>
        </message>
        <message>
            <source>Drag a kind from the list on the left onto the canvas, double-click an empty spot, or press Tab and type. &lt;b&gt;Parameters&lt;/b&gt; are the values asked for when a run starts; &lt;b&gt;Code&lt;/b&gt; runs Python you write; &lt;b&gt;Loop&lt;/b&gt; runs its body once per item of a list (you can pause between items); &lt;b&gt;Approval&lt;/b&gt; waits for a person; &lt;b&gt;Condition&lt;/b&gt; sends the run down its true or false side.</source>
            <translation>把左侧列表中的某种节点拖到画布上，或双击空白处，或按 Tab 后输入名称。&lt;b&gt;参数&lt;/b&gt;是运行开始时要填写的值；&lt;b&gt;代码&lt;/b&gt;运行你写的 Python；&lt;b&gt;循环&lt;/b&gt;对列表中的每一项运行一次（两项之间可以暂停）；&lt;b&gt;审批&lt;/b&gt;等待人来处理；&lt;b&gt;条件&lt;/b&gt;让运行走 true 或 false 一侧。</translation>
        </message>
        <message>
            <source>Connect nodes</source>
            <translation>连接节点</translation>
        </message>
        <message>
            <source>Every node has input dots on its left edge and output dots on its right edge. Drag from an output dot to an input dot of another node: a green ring means the types fit, a red one says why not. Drop a wire on empty canvas to add a node that fits. An input that is not connected is listed as a problem until you connect or remove it.</source>
            <translation>每个节点左边缘是输入圆点，右边缘是输出圆点。从一个输出圆点拖到另一个节点的输入圆点：绿色圆环表示类型匹配，红色圆环会说明原因。把连线拖到画布空白处，可以添加一个能接上的节点。没有连接的输入会列为问题，直到你连上或删除它。</translation>
        </message>
        <message>
            <source>Edit a node</source>
            <translation>编辑节点</translation>
        </message>
        <message>
            <source>Select a node to edit it on the right: its title, its inputs, its code (click an input's name to insert it) and its settings. Ctrl+Z undoes any change; Ctrl+L tidies the layout; Ctrl+0 fits the design in view.</source>
            <translation>选中节点后在右侧编辑：标题、输入、代码（点击输入名称即可插入）和设置。Ctrl+Z 撤销任何更改；Ctrl+L 整理布局；Ctrl+0 让整个设计适合视图。</translation>
        </message>
        <message>
            <source>Check, deploy, run</source>
            <translation>检查、部署、运行</translation>
        </message>
        <message>
            <source>The line at the bottom says whether the design has problems; F7 lists them and a double-click goes to each. &lt;b&gt;Deploy&lt;/b&gt; saves the design, writes its flow and waits until the server serves it. &lt;b&gt;Run…&lt;/b&gt; deploys if needed and asks for the parameters. While a run goes, the nodes take the colour of their state and a loop shows how many items are done.</source>
            <translation>底部一行显示设计是否有问题；按 F7 列出问题，双击即可跳到对应位置。&lt;b&gt;部署&lt;/b&gt;会保存设计、写出流程，并等到服务器开始提供它。&lt;b&gt;运行…&lt;/b&gt;会在需要时先部署，再询问参数。运行期间，节点显示其状态的颜色，循环会显示已完成多少项。</translation>
        </message>
        <message>
            <source>Pause and resume</source>
            <translation>暂停与恢复</translation>
        </message>
        <message>
            <source>An Approval node pauses the run and shows &lt;b&gt;Resume…&lt;/b&gt; on the node: fill in its form to continue. A running loop can be paused from the Runs tab, the tray or the command line; it stops before its next item.</source>
            <translation>审批节点会暂停运行，并在节点上显示&lt;b&gt;恢复…&lt;/b&gt;：填写表单即可继续。正在运行的循环可以从“运行”标签页、托盘或命令行暂停；它会在下一项开始前停下。</translation>
        </message>
        <message>
            <source>Your files</source>
            <translation>你的文件</translation>
        </message>
        <message>
            <source>Designs are saved as .flowdesk.json files, by default in your designs folder. Unsaved changes are copied aside every few seconds: if Flowdesk stops unexpectedly, the next start offers them back. Help ▸ Designer examples opens ready-made designs as copies, so the examples themselves never change.</source>
            <translation>设计保存为 .flowdesk.json 文件，默认放在你的设计文件夹。未保存的更改每隔几秒会另存一份：如果 Flowdesk 意外停止，下次启动时会提供恢复。“帮助 ▸ 设计器示例”以副本方式打开现成的设计，示例本身永远不会被改动。</translation>
        </message>
    </context>
    <context>
        <name>DesignerCanvas</name>
        <message>
            <source>Resume…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>This run waits at this node: open its form and resume it</source>
            <translation>此运行正在此节点等待：打开其表单并恢复它</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>已跳过</translation>
        </message>
        <message>
            <source>{state} · {done}/{total} items</source>
            <translation>{state} · {done}/{total} 项</translation>
        </message>
        <message>
            <source>{state} · {done}/{seen} items</source>
            <translation>{state} · {done}/{seen} 项</translation>
        </message>
        <message>
            <source>Output '{name}' ({type}): drag it to an input (a dot on the left edge of another node) to connect.</source>
            <translation>输出“{name}”（{type}）：拖到某个输入（另一个节点左边缘的圆点）即可连接。</translation>
        </message>
        <message>
            <source>Input '{name}' ({type}): drag it to an output (a dot on the right edge of another node) to connect.</source>
            <translation>输入“{name}”（{type}）：拖到某个输出（另一个节点右边缘的圆点）即可连接。</translation>
        </message>
        <message>
            <source>Delete {count} items</source>
            <translation>删除 {count} 项</translation>
        </message>
        <message>
            <source>Reconnect {port}</source>
            <translation>重新连接 {port}</translation>
        </message>
    </context>
    <context>
        <name>DesignerClipboard</name>
        <message>
            <source>Add nodes</source>
            <translation>添加节点</translation>
        </message>
        <message>
            <source>The clipboard holds nodes from a newer Flowdesk.</source>
            <translation>剪贴板中的节点来自更新版本的 Flowdesk。</translation>
        </message>
        <message>
            <source>The clipboard holds no nodes.</source>
            <translation>剪贴板中没有节点。</translation>
        </message>
        <message>
            <source>The clipboard's nodes are damaged: {error}</source>
            <translation>剪贴板中的节点已损坏：{error}</translation>
        </message>
        <message>
            <source>Paste {count} nodes</source>
            <translation>粘贴 {count} 个节点</translation>
        </message>
    </context>
    <context>
        <name>DesignerConnections</name>
        <message>
            <source>One end of the connection is not in this design.</source>
            <translation>连接的一端不在此设计中。</translation>
        </message>
        <message>
            <source>Connect an output (right side) to an input (left side).</source>
            <translation>请将输出（右侧）连接到输入（左侧）。</translation>
        </message>
        <message>
            <source>'{node}' cannot feed itself.</source>
            <translation>'{node}' 不能连接到自身。</translation>
        </message>
        <message>
            <source>Input '{port}' of '{node}' is already fed by '{feeder}'; drag that wire off it first.</source>
            <translation>'{node}' 的输入 '{port}' 已由 '{feeder}' 提供；请先将那条连线拖离。</translation>
        </message>
        <message>
            <source>'{source}' already depends on '{target}': this connection would make a loop.</source>
            <translation>'{source}' 已依赖于 '{target}'：此连接会形成循环。</translation>
        </message>
        <message>
            <source>Types do not match: '{source}' gives {given} ('{port}'), but input '{input}' of '{target}' expects {expected}.</source>
            <translation>类型不匹配：'{source}' 提供 {given}（'{port}'），但 '{target}' 的输入 '{input}' 需要 {expected}。</translation>
        </message>
        <message>
            <source>This node has no {side} to connect to.</source>
            <translation>此节点没有可连接的{side}。</translation>
        </message>
        <message>
            <source>inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>outputs</source>
            <translation>输出</translation>
        </message>
    </context>
    <context>
        <name>DesignerInspector</name>
        <message>
            <source>Add a row</source>
            <translation>添加一行</translation>
        </message>
        <message>
            <source>Remove the selected row</source>
            <translation>删除所选行</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>下移</translation>
        </message>
    </context>
    <context>
        <name>DesignerKinds</name>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>For each</source>
            <translation>逐项处理</translation>
        </message>
        <message>
            <source>Approval</source>
            <translation>审批</translation>
        </message>
        <message>
            <source>Please review: {value}</source>
            <translation>请审核：{value}</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>条件</translation>
        </message>
        <message>
            <source>The flow's parameters: values asked for when a run starts.</source>
            <translation>流程的参数：启动运行时需要提供的值。</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>A Python function body run as a Prefect task; its inputs are arguments, its return value flows on.</source>
            <translation>作为 Prefect 任务运行的 Python 函数体；输入作为函数实参传入，返回值继续向下传递。</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>循环</translation>
        </message>
        <message>
            <source>Run a body once per element of a list (pausable between items); the results are collected into a list.</source>
            <translation>对列表中的每个元素运行一次循环体（各项之间可暂停）；结果汇总为一个列表。</translation>
        </message>
        <message>
            <source>Pause the run until a person resumes it, optionally with typed values (a form).</source>
            <translation>暂停运行，直到有人恢复它，可选择同时填写带类型的值（表单）。</translation>
        </message>
        <message>
            <source>Route on a Python expression: nodes fed from 'true' run only when it holds, from 'false' only when it does not.</source>
            <translation>按 Python 表达式分支：由 'true' 连出的节点仅在表达式成立时运行，由 'false' 连出的节点仅在不成立时运行。</translation>
        </message>
    </context>
    <context>
        <name>DesignerTabMixin</name>
        <message>
            <source>Designer &amp;basics…</source>
            <translation>设计器入门(&amp;B)…</translation>
        </message>
        <message>
            <source>Designer &amp;examples</source>
            <translation>设计器示例(&amp;E)</translation>
        </message>
        <message>
            <source>Opens a copy; the example itself is not changed</source>
            <translation>打开副本；示例本身不会被改动</translation>
        </message>
        <message>
            <source>No examples were installed</source>
            <translation>没有安装示例</translation>
        </message>
        <message>
            <source>Designer</source>
            <translation>设计器</translation>
        </message>
    </context>
    <context>
        <name>DesignerWidget</name>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Start an empty design</source>
            <translation>开始一个空白设计</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <source>Open a design file</source>
            <translation>打开设计文件</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Save the design</source>
            <translation>保存设计</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>Save the design to a new file</source>
            <translation>将设计保存到新文件</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>Undo {what}</source>
            <translation>撤销 {what}</translation>
        </message>
        <message>
            <source>Redo {what}</source>
            <translation>重做 {what}</translation>
        </message>
        <message>
            <source>Cut</source>
            <translation>剪切</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>复制副本</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Select all</source>
            <translation>全选</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <source>Show the whole design (Ctrl+0)</source>
            <translation>显示整个设计（Ctrl+0）</translation>
        </message>
        <message>
            <source>100 %</source>
            <translation>100 %</translation>
        </message>
        <message>
            <source>Actual size (Ctrl+1)</source>
            <translation>实际大小（Ctrl+1）</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <source>Tidy up</source>
            <translation>整理</translation>
        </message>
        <message>
            <source>Arrange the nodes in columns by dependency (Ctrl+L)</source>
            <translation>按依赖关系将节点排成列（Ctrl+L）</translation>
        </message>
        <message>
            <source>Validate</source>
            <translation>验证</translation>
        </message>
        <message>
            <source>Check the design and list its problems</source>
            <translation>检查设计并列出其问题</translation>
        </message>
        <message>
            <source>View code</source>
            <translation>查看代码</translation>
        </message>
        <message>
            <source>The Prefect flow module this design generates</source>
            <translation>此设计生成的 Prefect 流程模块</translation>
        </message>
        <message>
            <source>Deploy</source>
            <translation>部署</translation>
        </message>
        <message>
            <source>Write the flow and serve it as a deployment</source>
            <translation>写出流程并将其作为部署提供服务</translation>
        </message>
        <message>
            <source>Deploy with schedule…</source>
            <translation>部署并设置调度…</translation>
        </message>
        <message>
            <source>Deploy, then run it on a schedule (cron, interval or RRule)</source>
            <translation>部署，然后按调度运行（cron、间隔或 RRule）</translation>
        </message>
        <message>
            <source>Run…</source>
            <translation>运行…</translation>
        </message>
        <message>
            <source>Deploy if needed, then start a run with parameters</source>
            <translation>如有需要先部署，然后带参数启动运行</translation>
        </message>
        <message>
            <source>Add node…</source>
            <translation>添加节点…</translation>
        </message>
        <message>
            <source>Search node kinds (Tab on the canvas)</source>
            <translation>搜索节点类型（在画布上按 Tab）</translation>
        </message>
        <message>
            <source>Not saved yet: Save puts it in {folder}</source>
            <translation>尚未保存：保存时会放到 {folder}</translation>
        </message>
        <message>
            <source>Resume…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>Add node</source>
            <translation>添加节点</translation>
        </message>
        <message>
            <source>Errors: {errors} · Warnings: {warnings}</source>
            <translation>错误：{errors} · 警告：{warnings}</translation>
        </message>
        <message>
            <source>No problems</source>
            <translation>没有问题</translation>
        </message>
        <message>
            <source>Show the problems list (F7)</source>
            <translation>显示问题列表（F7）</translation>
        </message>
        <message>
            <source>No problems: the design can be deployed.</source>
            <translation>没有问题：可以部署此设计。</translation>
        </message>
        <message>
            <source>{percent} %</source>
            <translation>{percent} %</translation>
        </message>
    </context>
    <context>
        <name>EmptyCanvasHint</name>
        <message>
            <source>&lt;p style='font-size:large'&gt;&lt;b&gt;This design is empty.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;&lt;b&gt;Add a node:&lt;/b&gt; drag a kind from the list on the left onto the canvas, double-click the canvas, or press Tab.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Connect two nodes:&lt;/b&gt; drag from an output dot (right edge of a node) to an input dot (left edge of another node).&lt;/p&gt;&lt;p&gt;Help ▸ Designer basics explains more; Help ▸ Designer examples opens ready-made designs.&lt;/p&gt;</source>
            <translation>&lt;p style='font-size:large'&gt;&lt;b&gt;这个设计还是空的。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;&lt;b&gt;添加节点：&lt;/b&gt;把左侧列表中的某种节点拖到画布上，或双击画布，或按 Tab。&lt;/p&gt;&lt;p&gt;&lt;b&gt;连接两个节点：&lt;/b&gt;从输出圆点（节点右边缘）拖到输入圆点（另一个节点左边缘）。&lt;/p&gt;&lt;p&gt;“帮助 ▸ 设计器入门”有更多说明；“帮助 ▸ 设计器示例”可打开现成的设计。&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>ErrorReporter</name>
        <message>
            <source>Flowdesk: something went wrong</source>
            <translation>Flowdesk：出错了</translation>
        </message>
        <message>
            <source>The app keeps running. Details were written to {path}.</source>
            <translation>应用仍在运行。详细信息已写入 {path}。</translation>
        </message>
        <message>
            <source>{count} more error(s) since.</source>
            <translation>此后又出现 {count} 个错误。</translation>
        </message>
    </context>
    <context>
        <name>FailureSwitch</name>
        <message>
            <source>Tell me when a run fails</source>
            <translation>运行失败时通知我</translation>
        </message>
        <message>
            <source>Failure notices are off for all deployments (Settings ▸ Notifications).</source>
            <translation>所有部署的失败通知均已关闭（设置 ▸ 通知）。</translation>
        </message>
    </context>
    <context>
        <name>FlowNotes</name>
        <message>
            <source>example {name}</source>
            <translation>示例 {name}</translation>
        </message>
        <message>
            <source>{file} cannot be served: {error}</source>
            <translation>{file} 无法作为部署提供：{error}</translation>
        </message>
        <message>
            <source>{flow} is defined twice: {file} is not served for it, because {owner} already serves that name. Rename one of the flows.</source>
            <translation>{flow} 被定义了两次：{file} 中的该流程未被提供，因为 {owner} 已在提供这个名称。请重命名其中一个流程。</translation>
        </message>
        <message>
            <source>{flow}: your {file} is served instead of the {example}.</source>
            <translation>{flow}：正在提供你的 {file}，取代{example}。</translation>
        </message>
        <message>
            <source>Your flows: {path} — add or edit a .py file there; the next run uses it. The examples are read-only.</source>
            <translation>你的流程：{path} — 在此添加或编辑 .py 文件，下一次运行即使用新内容。示例为只读。</translation>
        </message>
        <message>
            <source>Open flows folder</source>
            <translation>打开流程文件夹</translation>
        </message>
        <message>
            <source>No file manager could open {path}; open it yourself.</source>
            <translation>没有文件管理器能打开 {path}，请手动打开。</translation>
        </message>
    </context>
    <context>
        <name>GeneratedCodeDialog</name>
        <message>
            <source>Generated code</source>
            <translation>生成的代码</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>No code: {error}</source>
            <translation>无代码：{error}</translation>
        </message>
        <message>
            <source>{file} — what Deploy writes. Read-only: edit the design, not this text.</source>
            <translation>{file} — 即“部署”写出的内容。只读：请编辑设计，而不是这段文本。</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>Node title (also its Python name)</source>
            <translation>节点标题（也是其 Python 名称）</translation>
        </message>
        <message>
            <source>Resume…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>The run waits here: open its form and resume it</source>
            <translation>运行正在此处等待：打开其表单并恢复它</translation>
        </message>
        <message>
            <source>Design</source>
            <translation>设计</translation>
        </message>
    </context>
    <context>
        <name>LatestArtifactsDialog</name>
        <message>
            <source>No runs of this flow made an artifact with a key yet.</source>
            <translation>此流程的运行尚未生成带键名的产出物。</translation>
        </message>
        <message>
            <source>Latest artifacts of {flow}</source>
            <translation>{flow} 的最新产出物</translation>
        </message>
        <message>
            <source>The newest artifact of each key made by runs of the flow {flow} (from any of its deployments).</source>
            <translation>流程 {flow} 的运行（来自其任一部署）所生成的每个键名的最新产出物。</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
    </context>
    <context>
        <name>LimitDialog</name>
        <message>
            <source>New concurrency limit</source>
            <translation>新建并发限制</translation>
        </message>
        <message>
            <source>Edit limit</source>
            <translation>编辑限制</translation>
        </message>
        <message>
            <source>Global: flows take slots by name</source>
            <translation>全局:流程按名称占用槽位</translation>
        </message>
        <message>
            <source>Tag: task runs with this tag</source>
            <translation>标签:带此标签的任务运行</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>类型(&amp;K):</translation>
        </message>
        <message>
            <source>&amp;Tag:</source>
            <translation>标签(&amp;T):</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Slots:</source>
            <translation>槽位(&amp;S):</translation>
        </message>
        <message>
            <source>&amp;Decay per second:</source>
            <translation>每秒衰减(&amp;D):</translation>
        </message>
        <message>
            <source>&amp;Enforced</source>
            <translation>启用(&amp;E)</translation>
        </message>
        <message>
            <source>enforce this limit (off: kept, not applied)</source>
            <translation>启用此限制(关闭时保留但不生效)</translation>
        </message>
        <message>
            <source>At most this many task runs carrying the tag run at once; the others wait in Pending for a slot.</source>
            <translation>带此标签的任务运行最多同时运行这么多个;其余的在 Pending 中等待槽位。</translation>
        </message>
        <message>
            <source>Code takes a slot with concurrency("name"). Decay above 0 frees slots over time, for a rate limit.</source>
            <translation>代码用 concurrency("name") 占用槽位。衰减大于 0 时槽位会随时间释放,用作速率限制。</translation>
        </message>
    </context>
    <context>
        <name>LimitNotice</name>
        <message>
            <source>waiting for a slot of {names}</source>
            <translation>正在等待 {names} 的槽位</translation>
        </message>
        <message>
            <source>waiting for a slot of its deployment's limit</source>
            <translation>正在等待其部署限制的槽位</translation>
        </message>
        <message>
            <source>limit {names} does not exist</source>
            <translation>限制 {names} 不存在</translation>
        </message>
        <message>
            <source>Waiting for a slot of {names}: every slot is taken. It starts when one is freed (or raise or reset the limit under Variables &amp; limits).</source>
            <translation>正在等待 {names} 的槽位:所有槽位都已占用。有槽位释放时它就会开始(也可以在“变量与限制”中调高或重置该限制)。</translation>
        </message>
        <message>
            <source>Waiting: {tasks}.</source>
            <translation>等待中:{tasks}。</translation>
        </message>
        <message>
            <source>Waiting for a slot of its deployment's concurrency limit: Prefect retries it when a run of that deployment ends.</source>
            <translation>正在等待其部署并发限制的槽位:该部署的某个运行结束时,Prefect 会再次尝试。</translation>
        </message>
        <message>
            <source>It asked for the concurrency limit {names}, which does not exist: Prefect skipped it and ran without a limit.</source>
            <translation>它请求了并发限制 {names},但该限制不存在:Prefect 跳过了它,在没有限制的情况下运行。</translation>
        </message>
        <message>
            <source>Create limit {name}…</source>
            <translation>创建限制 {name}…</translation>
        </message>
    </context>
    <context>
        <name>LimitsView</name>
        <message>
            <source>Saved limit {name}.</source>
            <translation>已保存限制 {name}。</translation>
        </message>
        <message>
            <source>Release all {used} slot(s) of {name}? Runs holding them keep running; waiting runs may start at once.</source>
            <translation>释放 {name} 的全部 {used} 个槽位?占用它们的运行会继续运行;等待中的运行可能会立即开始。</translation>
        </message>
        <message>
            <source>Reset limit</source>
            <translation>重置限制</translation>
        </message>
        <message>
            <source>Released every slot of {name}.</source>
            <translation>已释放 {name} 的全部槽位。</translation>
        </message>
        <message>
            <source>Delete the limit {name}? Runs will no longer wait for it.</source>
            <translation>删除限制 {name}?运行将不再等待它。</translation>
        </message>
        <message>
            <source>Delete limit</source>
            <translation>删除限制</translation>
        </message>
        <message>
            <source>Deleted limit {name}.</source>
            <translation>已删除限制 {name}。</translation>
        </message>
        <message>
            <source>No limits yet: New… makes a global one, or one on a tag (e.g. gpu).</source>
            <translation>还没有限制:点“新建…”创建全局限制,或按标签(例如 gpu)创建限制。</translation>
        </message>
        <message>
            <source>{count} limit(s).</source>
            <translation>{count} 个限制。</translation>
        </message>
        <message>
            <source>{full} with every slot taken.</source>
            <translation>其中 {full} 个的槽位已全部占用。</translation>
        </message>
        <message>
            <source>Concurrency limits</source>
            <translation>并发限制</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <source>Release every slot in use</source>
            <translation>释放所有已占用的槽位</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>LogBar</name>
        <message>
            <source>All levels</source>
            <translation>所有级别</translation>
        </message>
        <message>
            <source>Debug +</source>
            <translation>调试 +</translation>
        </message>
        <message>
            <source>Info +</source>
            <translation>信息 +</translation>
        </message>
        <message>
            <source>Warning +</source>
            <translation>警告 +</translation>
        </message>
        <message>
            <source>Error +</source>
            <translation>错误 +</translation>
        </message>
        <message>
            <source>Show only lines at or above this level</source>
            <translation>仅显示此级别及以上的行</translation>
        </message>
        <message>
            <source>Search logs (Enter: next, Shift+Enter: previous)</source>
            <translation>搜索日志（Enter：下一个，Shift+Enter：上一个）</translation>
        </message>
        <message>
            <source>Only matching</source>
            <translation>仅匹配项</translation>
        </message>
        <message>
            <source>Wrap</source>
            <translation>自动换行</translation>
        </message>
        <message>
            <source>Follow</source>
            <translation>跟随</translation>
        </message>
        <message>
            <source>Keep the newest line in view; scrolling up pauses this.</source>
            <translation>始终显示最新一行；向上滚动会暂停跟随。</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy the selection, or every shown line</source>
            <translation>复制所选内容，或所有显示的行</translation>
        </message>
        <message>
            <source>Save…</source>
            <translation>保存…</translation>
        </message>
        <message>
            <source>Save the run's log lines to a text file</source>
            <translation>将运行的日志行保存到文本文件</translation>
        </message>
    </context>
    <context>
        <name>LogView</name>
        <message>
            <source>No log lines yet.</source>
            <translation>尚无日志行。</translation>
        </message>
        <message>
            <source>Save log</source>
            <translation>保存日志</translation>
        </message>
        <message>
            <source>Log files (*.log *.txt)</source>
            <translation>日志文件 (*.log *.txt)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Could not save: {error}</source>
            <translation>无法保存：{error}</translation>
        </message>
        <message>
            <source>Saved {count} lines to {path}</source>
            <translation>已将 {count} 行保存到 {path}</translation>
        </message>
        <message>
            <source>{count} lines received</source>
            <translation>已接收 {count} 行</translation>
        </message>
        <message>
            <source>{count} shown</source>
            <translation>显示 {count} 行</translation>
        </message>
        <message>
            <source>{count} oldest dropped from memory; Save… gets them all</source>
            <translation>已从内存中丢弃最早的 {count} 行；“保存…”会保存全部</translation>
        </message>
        <message>
            <source>{count} queued</source>
            <translation>{count} 行排队中</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Audit trail…</source>
            <translation>审计记录(&amp;A)…</translation>
        </message>
        <message>
            <source>Who paused, resumed or cancelled which run, with what</source>
            <translation>谁暂停、恢复或取消了哪个运行，以及使用了什么输入</translation>
        </message>
        <message>
            <source>Open &amp;flows folder</source>
            <translation>打开流程文件夹(&amp;F)</translation>
        </message>
        <message>
            <source>Your own flow files: each one is served; edit one and the next run uses it</source>
            <translation>你自己的流程文件：每个都会被提供；编辑后，下一次运行即使用新内容</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Find runs</source>
            <translation>查找运行(&amp;F)</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Deployments</source>
            <translation>部署</translation>
        </message>
        <message>
            <source>R&amp;uns</source>
            <translation>运行(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Server</source>
            <translation>服务器(&amp;S)</translation>
        </message>
        <message>
            <source>Status and log…</source>
            <translation>状态和日志…</translation>
        </message>
        <message>
            <source>Restart server</source>
            <translation>重启服务器</translation>
        </message>
        <message>
            <source>Keep the server running after quitting</source>
            <translation>退出后保持服务器运行</translation>
        </message>
        <message>
            <source>Flows keep running and the CLI keeps working when the window is closed</source>
            <translation>关闭窗口后，流程继续运行，CLI 仍可使用</translation>
        </message>
        <message>
            <source>Open Prefect's web UI</source>
            <translation>打开 Prefect 的 Web UI</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Designer &amp;basics…</source>
            <translation>设计器入门(&amp;B)…</translation>
        </message>
        <message>
            <source>Designer &amp;examples</source>
            <translation>设计器示例(&amp;E)</translation>
        </message>
        <message>
            <source>About Flowdesk</source>
            <translation>关于 Flowdesk</translation>
        </message>
        <message>
            <source>Designer</source>
            <translation>设计器</translation>
        </message>
        <message>
            <source>Work pools</source>
            <translation>工作池</translation>
        </message>
        <message>
            <source>Variables &amp;&amp; limits</source>
            <translation>变量与限制</translation>
        </message>
        <message>
            <source>Details…</source>
            <translation>详情…</translation>
        </message>
        <message>
            <source>No file manager could open {path}; open it yourself.</source>
            <translation>没有文件管理器能打开 {path}，请手动打开。</translation>
        </message>
        <message>
            <source>Flowdesk — {profile}</source>
            <translation>Flowdesk — {profile}</translation>
        </message>
        <message>
            <source>Flowdesk</source>
            <translation>Flowdesk</translation>
        </message>
        <message>
            <source>The server will keep running after you quit.</source>
            <translation>退出后服务器将继续运行。</translation>
        </message>
        <message>
            <source>The server stops when you quit.</source>
            <translation>退出时服务器将停止。</translation>
        </message>
        <message>
            <source>Connecting to the Prefect server at {url}…</source>
            <translation>正在连接 {url} 上的 Prefect 服务器…</translation>
        </message>
        <message>
            <source>Starting the local Prefect server ({phase}). A new database takes about 20 seconds; runs appear as soon as it answers.</source>
            <translation>正在启动本地 Prefect 服务器（{phase}）。新数据库大约需要 20 秒；服务器一响应，运行就会显示出来。</translation>
        </message>
        <message>
            <source>The server is restarting. The tables show the last known state.</source>
            <translation>服务器正在重启。表格显示的是最后已知的状态。</translation>
        </message>
        <message>
            <source>Not connected: {reason}. The tables show the last known state.</source>
            <translation>未连接：{reason}。表格显示的是最后已知的状态。</translation>
        </message>
        <message>
            <source>Start server</source>
            <translation>启动服务器</translation>
        </message>
        <message>
            <source>What went wrong</source>
            <translation>出了什么问题</translation>
        </message>
        <message>
            <source>Flowdesk {version}
Prefect on your desk.</source>
            <translation>Flowdesk {version}
把 Prefect 放到你的桌面上。</translation>
        </message>
    </context>
    <context>
        <name>NextRuns</name>
        <message>
            <source>Next {hours} h</source>
            <translation>未来 {hours} 小时</translation>
        </message>
        <message>
            <source>Could not read: {error}</source>
            <translation>无法读取：{error}</translation>
        </message>
        <message>
            <source>Nothing scheduled.</source>
            <translation>暂无已调度的运行。</translation>
        </message>
        <message>
            <source>and {count} more</source>
            <translation>还有 {count} 个</translation>
        </message>
    </context>
    <context>
        <name>NodeForm</name>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Declared type, checked when you connect</source>
            <translation>声明的类型，连接时检查</translation>
        </message>
    </context>
    <context>
        <name>NodePalette</name>
        <message>
            <source>Drag onto the canvas, or double-click to add</source>
            <translation>拖到画布上，或双击添加</translation>
        </message>
    </context>
    <context>
        <name>NoticeBar</name>
        <message>
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>NotificationsPage</name>
        <message>
            <source>Tell me when a run pauses</source>
            <translation>运行暂停时通知我</translation>
        </message>
        <message>
            <source>Tell me how a run ends after it had paused</source>
            <translation>已暂停过的运行结束时告诉我结果</translation>
        </message>
        <message>
            <source>Tell me when a run fails or crashes</source>
            <translation>运行失败或崩溃时通知我</translation>
        </message>
        <message>
            <source>To quiet one deployment only, right-click it in the Deployments tab and untick "Tell me when a run fails".</source>
            <translation>如只想让某一个部署不再通知，请在“部署”标签页中右键点击它，取消勾选“运行失败时通知我”。</translation>
        </message>
        <message>
            <source>Play a sound with these notifications</source>
            <translation>这些通知播放提示音</translation>
        </message>
        <message>
            <source>Closing the window keeps Flowdesk running in the tray</source>
            <translation>关闭窗口后 Flowdesk 仍在系统托盘中运行</translation>
        </message>
        <message>
            <source>This desktop has no system tray: closing the window quits, and pauses are shown in the window's title and taskbar entry instead.</source>
            <translation>此桌面没有系统托盘：关闭窗口即退出，暂停信息改为显示在窗口标题和任务栏项中。</translation>
        </message>
        <message>
            <source>Release a paused run's memory after:</source>
            <translation>暂停的运行在此时长后释放内存：</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source>A paused run keeps its process (about 100 MB) while it waits. After this long its process exits; resuming starts it again and it goes on from the pause, reusing its finished tasks' results. Applies to pauses whose flow sets no release_after, in runs of served flows.</source>
            <translation>暂停的运行在等待期间会一直占用它的进程（约 100 MB）。超过此时长后进程会退出；恢复时会重新启动它，并复用已完成任务的结果，从暂停处继续。适用于由 Flowdesk 提供服务的流程中、未自行设置 release_after 的暂停。</translation>
        </message>
    </context>
    <context>
        <name>NumberEditor</name>
        <message>
            <source>empty: not set</source>
            <translation>留空：未设置</translation>
        </message>
    </context>
    <context>
        <name>ParametersForm</name>
        <message>
            <source>Each parameter is an output; an empty default means the run must give a value.</source>
            <translation>每个参数都是一个输出；默认值为空表示运行时必须提供值。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>默认值</translation>
        </message>
        <message>
            <source>Empty: required. Text for str ("" for empty), JSON for lists and dicts</source>
            <translation>留空：必填。str 填文本（空字符串写 ""），列表和字典填 JSON</translation>
        </message>
    </context>
    <context>
        <name>ParametersView</name>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Copy as JSON</source>
            <translation>复制为 JSON</translation>
        </message>
        <message>
            <source>(no parameters)</source>
            <translation>（无参数）</translation>
        </message>
        <message>
            <source>… {count} more</source>
            <translation>… 还有 {count} 个</translation>
        </message>
    </context>
    <context>
        <name>PauseNews</name>
        <message numerus="yes">
            <source>%n run(s) paused.</source>
            <translation>%n 个运行已暂停。</translation>
        </message>
    </context>
    <context>
        <name>PolledTableView</name>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
    </context>
    <context>
        <name>ProblemsView</name>
        <message>
            <source>Node</source>
            <translation>节点</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>{field}, line {line}</source>
            <translation>{field}，第 {line} 行</translation>
        </message>
        <message>
            <source>(design)</source>
            <translation>（设计）</translation>
        </message>
    </context>
    <context>
        <name>ProfileEditor</name>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Local (managed server)</source>
            <translation>本地（托管服务器）</translation>
        </message>
        <message>
            <source>Remote Prefect server</source>
            <translation>远程 Prefect 服务器</translation>
        </message>
        <message>
            <source>Prefect Cloud</source>
            <translation>Prefect Cloud</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Preferred port:</source>
            <translation>首选端口：</translation>
        </message>
        <message>
            <source>Another free port is used if this one is taken.</source>
            <translation>如果此端口已被占用，将使用其他空闲端口。</translation>
        </message>
        <message>
            <source>Keep the server running after quitting</source>
            <translation>退出后保持服务器运行</translation>
        </message>
        <message>
            <source>Flows keep running and the command line keeps working without the window.</source>
            <translation>没有窗口时，流程仍继续运行，命令行也仍可使用。</translation>
        </message>
        <message>
            <source>Start minimised to the tray</source>
            <translation>启动时最小化到系统托盘</translation>
        </message>
        <message>
            <source>Start Flowdesk when I log in</source>
            <translation>登录时启动 Flowdesk</translation>
        </message>
        <message>
            <source>API URL:</source>
            <translation>API URL：</translation>
        </message>
        <message>
            <source>API key:</source>
            <translation>API 密钥：</translation>
        </message>
        <message>
            <source>pnu_… (Prefect Cloud → API keys)</source>
            <translation>pnu_…（Prefect Cloud → API keys）</translation>
        </message>
        <message>
            <source>Server API URL:</source>
            <translation>服务器 API URL：</translation>
        </message>
        <message>
            <source>Auth string:</source>
            <translation>认证字符串：</translation>
        </message>
        <message>
            <source>user:password, if the server asks for one</source>
            <translation>用户名:密码（如果服务器要求）</translation>
        </message>
        <message>
            <source>Saved — type to replace</source>
            <translation>已保存 — 输入以替换</translation>
        </message>
    </context>
    <context>
        <name>QuickAddPopup</name>
        <message>
            <source>Add a node… (type to search)</source>
            <translation>添加节点…（输入以搜索）</translation>
        </message>
    </context>
    <context>
        <name>ResultView</name>
        <message>
            <source>The run has not finished yet.</source>
            <translation>运行尚未结束。</translation>
        </message>
        <message>
            <source>Loading the outcome…</source>
            <translation>正在加载结果…</translation>
        </message>
        <message>
            <source>The run completed, but its result was not kept. Turn on result persistence (persist_result=True on the flow) to see it here.</source>
            <translation>运行已完成，但未保留其结果。请开启结果持久化（在流程上设置 persist_result=True）以在此查看。</translation>
        </message>
        <message>
            <source>The result could not be read.</source>
            <translation>无法读取结果。</translation>
        </message>
        <message>
            <source>Result of “{name}”:</source>
            <translation>“{name}”的结果：</translation>
        </message>
        <message>
            <source>The run ended {state}.</source>
            <translation>运行已结束，状态为 {state}。</translation>
        </message>
    </context>
    <context>
        <name>ResumeDialog</name>
        <message>
            <source>Resume run</source>
            <translation>恢复运行</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Extend by 1 h</source>
            <translation>延长 1 小时</translation>
        </message>
        <message>
            <source>Give this suspended run one more hour before its pause expires.</source>
            <translation>为这个已挂起的运行再延长一小时，之后暂停才会过期。</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <source>Back to the values the form opened with</source>
            <translation>恢复为表单打开时的值</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
        <message>
            <source>no longer paused</source>
            <translation>已不再暂停</translation>
        </message>
        <message>
            <source>This run is not paused any more (it is {state}): nothing to resume.</source>
            <translation>此运行已不再暂停（当前为 {state}）：无需恢复。</translation>
        </message>
        <message>
            <source>Resume “{name}” ({where})</source>
            <translation>恢复“{name}”（{where}）</translation>
        </message>
        <message>
            <source>The run continues where it stopped when you resume it.</source>
            <translation>恢复后，运行将从停止处继续。</translation>
        </message>
        <message>
            <source>The run was suspended: resuming starts it again from the top; tasks with persisted results come back cached.</source>
            <translation>该运行已被挂起：恢复会从头重新开始；结果已持久化的任务将使用缓存。</translation>
        </message>
        <message>
            <source>Waits until resumed (no timeout).</source>
            <translation>一直等待恢复（无超时）。</translation>
        </message>
        <message>
            <source>Times out at {when} (in {left}); then the run fails.</source>
            <translation>将于 {when} 超时（剩余 {left}）；届时运行将失败。</translation>
        </message>
        <message>
            <source>The pause expired at {when}.</source>
            <translation>暂停已于 {when} 过期。</translation>
        </message>
        <message>
            <source>The flow's own process counts this timeout down, so it cannot be extended from here.</source>
            <translation>此超时由流程自身的进程倒计时，因此无法在此处延长。</translation>
        </message>
        <message>
            <source>Please fix the marked fields. Nothing was sent.</source>
            <translation>请修正标记的字段。未发送任何内容。</translation>
        </message>
        <message>
            <source>The server rejected the input; the run is still paused.</source>
            <translation>服务器拒绝了该输入；运行仍处于已暂停状态。</translation>
        </message>
        <message>
            <source>This run is not paused any more, so there is nothing to resume.</source>
            <translation>此运行已不再暂停，因此无需恢复。</translation>
        </message>
        <message>
            <source>Could not resume: {error}</source>
            <translation>无法恢复：{error}</translation>
        </message>
        <message>
            <source>Resuming…</source>
            <translation>正在恢复…</translation>
        </message>
        <message>
            <source>Could not extend the pause: {error}</source>
            <translation>无法延长暂停：{error}</translation>
        </message>
        <message>
            <source>The pause now expires at {when}.</source>
            <translation>暂停现在将于 {when} 过期。</translation>
        </message>
    </context>
    <context>
        <name>RunActions</name>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Ask the run to pause at its next checkpoint (shown as Pause requested until then)</source>
            <translation>请求运行在下一个检查点暂停（在此之前显示为“已请求暂停”）</translation>
        </message>
        <message>
            <source>Suspend (restarts from the top on resume)</source>
            <translation>挂起（恢复时从头重新开始）</translation>
        </message>
        <message>
            <source>Stop a deployment's run now; Resume starts it again from the beginning, reusing persisted task results</source>
            <translation>立即停止部署的运行；恢复会从头重新开始，并复用已持久化的任务结果</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Resume the paused run</source>
            <translation>恢复已暂停的运行</translation>
        </message>
        <message>
            <source>Resume with input…</source>
            <translation>输入后恢复…</translation>
        </message>
        <message>
            <source>Answer the form the paused run is waiting for, then resume it</source>
            <translation>填写已暂停运行所等待的表单，然后恢复它</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancel the run (its process is stopped)</source>
            <translation>取消运行（其进程将被停止）</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Run a finished deployment run again</source>
            <translation>再次运行已结束的部署运行</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Delete the run and its logs from the server</source>
            <translation>从服务器删除该运行及其日志</translation>
        </message>
        <message>
            <source>Copy id</source>
            <translation>复制 ID</translation>
        </message>
        <message>
            <source>Copy the run id to the clipboard</source>
            <translation>将运行 ID 复制到剪贴板</translation>
        </message>
        <message>
            <source>Open in Prefect UI</source>
            <translation>在 Prefect UI 中打开</translation>
        </message>
        <message>
            <source>Open this run in Prefect's web UI</source>
            <translation>在 Prefect 网页 UI 中打开此运行</translation>
        </message>
        <message>
            <source>Show details</source>
            <translation>显示详情</translation>
        </message>
        <message>
            <source>Show the run's details and logs</source>
            <translation>显示运行的详情和日志</translation>
        </message>
        <message>
            <source>Not connected to the server: {reason}</source>
            <translation>未连接到服务器：{reason}</translation>
        </message>
        <message>
            <source>{action}: in progress…</source>
            <translation>{action}：进行中…</translation>
        </message>
        <message>
            <source>{count} of {total} runs failed: {first}</source>
            <translation>{total} 个运行中有 {count} 个失败：{first}</translation>
        </message>
        <message>
            <source>Pause requested for {count} run(s): they pause at their next checkpoint.</source>
            <translation>已请求暂停 {count} 个运行：它们将在下一个检查点暂停。</translation>
        </message>
        <message>
            <source>Suspend {count} run(s)?

The run's process stops now. Resume starts the flow again from the top; tasks whose results were persisted are reused.</source>
            <translation>挂起 {count} 个运行？

运行的进程将立即停止。恢复时流程会从头重新开始；结果已持久化的任务将被复用。</translation>
        </message>
        <message>
            <source>Suspend runs</source>
            <translation>挂起运行</translation>
        </message>
        <message>
            <source>Suspend</source>
            <translation>挂起</translation>
        </message>
        <message>
            <source>Suspended {count} run(s).</source>
            <translation>已挂起 {count} 个运行。</translation>
        </message>
        <message>
            <source>Resumed {count} run(s).</source>
            <translation>已恢复 {count} 个运行。</translation>
        </message>
        <message>
            <source>Resumed {name}.</source>
            <translation>已恢复 {name}。</translation>
        </message>
        <message>
            <source>Cancel {count} run(s)? Running ones are stopped by their runner.</source>
            <translation>取消 {count} 个运行？运行中的运行将由其运行器停止。</translation>
        </message>
        <message>
            <source>Cancel runs</source>
            <translation>取消运行</translation>
        </message>
        <message>
            <source>Cancelled {count} run(s).</source>
            <translation>已取消 {count} 个运行。</translation>
        </message>
        <message>
            <source>Scheduled {count} run(s) to run again.</source>
            <translation>已安排 {count} 个运行重新运行。</translation>
        </message>
        <message>
            <source>Delete {count} run(s) and their logs from the server?</source>
            <translation>从服务器删除 {count} 个运行及其日志？</translation>
        </message>
        <message>
            <source>{count} of them are still running. Deleting a run does not stop its process: cancel it first if it should stop.</source>
            <translation>其中 {count} 个仍在运行中。删除运行不会停止其进程：如需停止，请先取消。</translation>
        </message>
        <message>
            <source>Delete runs</source>
            <translation>删除运行</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Deleted {count} run(s).</source>
            <translation>已删除 {count} 个运行。</translation>
        </message>
        <message numerus="yes">
            <source>Copied %n run id(s).</source>
            <translation>已复制 %n 个运行 ID。</translation>
        </message>
    </context>
    <context>
        <name>RunBar</name>
        <message>
            <source>Resume…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>This run's logs, task runs and result</source>
            <translation>此运行的日志、任务运行和结果</translation>
        </message>
        <message>
            <source>Stop showing</source>
            <translation>停止显示</translation>
        </message>
        <message>
            <source>Clear the run's colours from the canvas</source>
            <translation>清除画布上的运行颜色</translation>
        </message>
        <message>
            <source>Run {id}: starting…</source>
            <translation>运行 {id}：正在启动…</translation>
        </message>
        <message>
            <source>Run “{name}”: {state}</source>
            <translation>运行“{name}”：{state}</translation>
        </message>
        <message>
            <source>waiting at “{node}”</source>
            <translation>正在“{node}”处等待</translation>
        </message>
    </context>
    <context>
        <name>RunController</name>
        <message>
            <source>Could not read the run: {error}</source>
            <translation>无法读取运行：{error}</translation>
        </message>
        <message>
            <source>Deploy refused: fix {count} problem(s) first (double-click one in the list to go there).</source>
            <translation>拒绝部署：请先修正 {count} 个问题（在列表中双击某个问题可跳转到该处）。</translation>
        </message>
        <message>
            <source>Deploy refused:</source>
            <translation>拒绝部署：</translation>
        </message>
        <message>
            <source>line {line}: </source>
            <translation>第 {line} 行： </translation>
        </message>
        <message>
            <source>Deployed as {name}.</source>
            <translation>已部署为 {name}。</translation>
        </message>
        <message>
            <source>Deployed as {name}: it can be run from here, the Deployments tab, the tray or the command line.</source>
            <translation>已部署为 {name}：可从此处、“部署”标签页、系统托盘或命令行运行。</translation>
        </message>
        <message>
            <source>Run…</source>
            <translation>运行…</translation>
        </message>
        <message>
            <source>Deployed as {name}, scheduled {schedule}.</source>
            <translation>已部署为 {name}，调度：{schedule}。</translation>
        </message>
        <message>
            <source>Deployed as {name}, but the schedule was not added: {error}</source>
            <translation>已部署为 {name}，但未能添加调度：{error}</translation>
        </message>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
        <message>
            <source>Resume at “{node}”</source>
            <translation>在“{node}”处恢复</translation>
        </message>
        <message>
            <source>Run details</source>
            <translation>运行详情</translation>
        </message>
    </context>
    <context>
        <name>RunDetailPane</name>
        <message>
            <source>Saving… {count} lines</source>
            <translation>正在保存… {count} 行</translation>
        </message>
        <message>
            <source>Could not save: {error}</source>
            <translation>无法保存：{error}</translation>
        </message>
        <message>
            <source>Saved {count} lines to {path}</source>
            <translation>已将 {count} 行保存到 {path}</translation>
        </message>
        <message>
            <source>Select a run to see its details.</source>
            <translation>选择一个运行以查看其详情。</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>Task runs</source>
            <translation>任务运行</translation>
        </message>
        <message>
            <source>State history</source>
            <translation>状态历史</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Artifacts</source>
            <translation>产出物</translation>
        </message>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
    </context>
    <context>
        <name>RunHeader</name>
        <message>
            <source>Flow</source>
            <translation>流程</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>持续时间</translation>
        </message>
        <message>
            <source>Run id</source>
            <translation>运行 ID</translation>
        </message>
        <message>
            <source>Resume…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>尚未开始</translation>
        </message>
        <message>
            <source>waiting for input</source>
            <translation>等待输入</translation>
        </message>
        <message>
            <source>waiting to be resumed</source>
            <translation>等待恢复</translation>
        </message>
        <message>
            <source>{state}, {waits}; times out at {when}.</source>
            <translation>{state}，{waits}；将于 {when} 超时。</translation>
        </message>
        <message>
            <source>{state}, {waits}.</source>
            <translation>{state}，{waits}。</translation>
        </message>
        <message>
            <source>Pause requested: the run stops at its next checkpoint.</source>
            <translation>已请求暂停：运行将在下一个检查点停止。</translation>
        </message>
    </context>
    <context>
        <name>RunParametersDialog</name>
        <message>
            <source>Run {name}</source>
            <translation>运行 {name}</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
        <message>
            <source>Please fix the marked fields. Nothing was started.</source>
            <translation>请修正标记的字段。未启动任何运行。</translation>
        </message>
        <message>
            <source>The run was not started: {error}</source>
            <translation>运行未启动：{error}</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
    </context>
    <context>
        <name>RunsFilterBar</name>
        <message>
            <source>Show only the runs waiting to be resumed</source>
            <translation>仅显示等待恢复的运行</translation>
        </message>
        <message>
            <source>Search runs (Ctrl+F)</source>
            <translation>搜索运行（Ctrl+F）</translation>
        </message>
        <message>
            <source>Matches run name, flow, deployment, id, tags and state</source>
            <translation>匹配运行名称、流程、部署、ID、标签和状态</translation>
        </message>
        <message>
            <source>All flows</source>
            <translation>所有流程</translation>
        </message>
        <message>
            <source>All deployments</source>
            <translation>所有部署</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>最近 1 小时</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>最近 24 小时</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>全部时间</translation>
        </message>
        <message>
            <source>Runs that started in this period, plus those scheduled to start</source>
            <translation>在此期间开始的运行，以及计划开始的运行</translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <source>Paused ({count})</source>
            <translation>已暂停（{count}）</translation>
        </message>
    </context>
    <context>
        <name>RunsLoader</name>
        <message>
            <source>Could not load runs: {error}</source>
            <translation>无法加载运行：{error}</translation>
        </message>
    </context>
    <context>
        <name>RunsTable</name>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Flow</source>
            <translation>流程</translation>
        </message>
        <message>
            <source>Deployment</source>
            <translation>部署</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>持续时间</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
    </context>
    <context>
        <name>RunsView</name>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Read all runs again from the server (F5)</source>
            <translation>从服务器重新读取所有运行（F5）</translation>
        </message>
        <message>
            <source>Run actions</source>
            <translation>运行操作</translation>
        </message>
        <message>
            <source>Loading runs… {count}</source>
            <translation>正在加载运行… {count}</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s)</source>
            <translation>%n 个运行</translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %n run(s)</source>
            <translation>{shown} / %n 个运行</translation>
        </message>
        <message>
            <source>These rows may be out of date: {reason}</source>
            <translation>这些行可能已过时：{reason}</translation>
        </message>
    </context>
    <context>
        <name>ScheduleEditDialog</name>
        <message>
            <source>Schedules you set in Flowdesk are kept when the flow file changes and is served again; until you change one here, the file's own schedules apply.</source>
            <translation>在 Flowdesk 中设置的调度，在流程文件修改并重新加载后仍会保留；在您于此处修改任一调度之前，以文件自身的调度为准。</translation>
        </message>
        <message>
            <source>Change schedule of {name}</source>
            <translation>修改 {name} 的调度</translation>
        </message>
        <message>
            <source>Add a schedule to {name}</source>
            <translation>为 {name} 添加调度</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>未保存：{error}</translation>
        </message>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
    </context>
    <context>
        <name>ScheduleEditor</name>
        <message>
            <source>Cron</source>
            <translation>Cron</translation>
        </message>
        <message>
            <source>Interval</source>
            <translation>间隔</translation>
        </message>
        <message>
            <source>RRule (calendar rule)</source>
            <translation>RRule（日历规则）</translation>
        </message>
        <message>
            <source>minute hour day-of-month month day-of-week; e.g. 0 9 * * 1-5</source>
            <translation>分 时 日 月 星期；例如 0 9 * * 1-5</translation>
        </message>
        <message>
            <source>seconds, or with units: 90s, 15m, 1h30m, 2d, 1w</source>
            <translation>秒数，或带单位：90s、15m、1h30m、2d、1w</translation>
        </message>
        <message>
            <source>an iCalendar rule (RFC 5545), e.g. FREQ=DAILY;BYHOUR=7</source>
            <translation>iCalendar 规则（RFC 5545），例如 FREQ=DAILY;BYHOUR=7</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>When:</source>
            <translation>时间：</translation>
        </message>
        <message>
            <source>Time zone:</source>
            <translation>时区：</translation>
        </message>
        <message>
            <source>Meaning:</source>
            <translation>含义：</translation>
        </message>
        <message>
            <source>Next {count} runs:</source>
            <translation>接下来 {count} 次运行：</translation>
        </message>
        <message>
            <source>Start from:</source>
            <translation>从示例开始：</translation>
        </message>
        <message>
            <source>an example…</source>
            <translation>选择一个示例…</translation>
        </message>
        <message>
            <source>This schedule cannot be previewed: {error}</source>
            <translation>无法预览此调度：{error}</translation>
        </message>
        <message>
            <source>(none: it never fires)</source>
            <translation>（无：它永远不会触发）</translation>
        </message>
    </context>
    <context>
        <name>SchedulesDialog</name>
        <message>
            <source>Schedules of {name}</source>
            <translation>{name} 的调度</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>调度计划</translation>
        </message>
        <message>
            <source>Meaning</source>
            <translation>含义</translation>
        </message>
        <message>
            <source>Next run</source>
            <translation>下次运行</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>Change…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
        <message>
            <source>Could not read the schedules: {error}</source>
            <translation>无法读取调度：{error}</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>活动</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Edited in Flowdesk: these schedules are kept when the flow file changes and is served again.</source>
            <translation>已在 Flowdesk 中编辑：流程文件修改并重新加载后，这些调度仍会保留。</translation>
        </message>
        <message>
            <source>These are the flow file's schedules. Once you change one here, yours are kept when the file is served again.</source>
            <translation>这些是流程文件自身的调度。一旦您在此处修改任一调度，重新加载文件时将保留您的设置。</translation>
        </message>
        <message>
            <source>Nothing was changed: {error}</source>
            <translation>未做任何更改：{error}</translation>
        </message>
    </context>
    <context>
        <name>SchemaForm</name>
        <message>
            <source>a whole number</source>
            <translation>整数</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>数字</translation>
        </message>
        <message>
            <source>text</source>
            <translation>文本</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true 或 false</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>列表</translation>
        </message>
        <message>
            <source>an object</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>empty</source>
            <translation>空</translation>
        </message>
        <message>
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>A value is required.</source>
            <translation>此项为必填。</translation>
        </message>
        <message>
            <source>Must be {expected}.</source>
            <translation>必须是{expected}。</translation>
        </message>
        <message>
            <source>Must be at least {limit}.</source>
            <translation>必须至少为 {limit}。</translation>
        </message>
        <message>
            <source>Must be at most {limit}.</source>
            <translation>必须至多为 {limit}。</translation>
        </message>
        <message>
            <source>Must be more than {limit}.</source>
            <translation>必须大于 {limit}。</translation>
        </message>
        <message>
            <source>Must be less than {limit}.</source>
            <translation>必须小于 {limit}。</translation>
        </message>
        <message>
            <source>Must be a multiple of {limit}.</source>
            <translation>必须是 {limit} 的倍数。</translation>
        </message>
        <message>
            <source>Must be at least {limit} characters long (now {length}).</source>
            <translation>长度必须至少为 {limit} 个字符（当前为 {length}）。</translation>
        </message>
        <message>
            <source>Must be at most {limit} characters long (now {length}).</source>
            <translation>长度必须至多为 {limit} 个字符（当前为 {length}）。</translation>
        </message>
        <message>
            <source>Needs at least {limit} items (now {count}).</source>
            <translation>至少需要 {limit} 项（当前为 {count}）。</translation>
        </message>
        <message>
            <source>Needs at most {limit} items (now {count}).</source>
            <translation>至多允许 {limit} 项（当前为 {count}）。</translation>
        </message>
        <message>
            <source>Must match the pattern {pattern}.</source>
            <translation>必须匹配模式 {pattern}。</translation>
        </message>
        <message>
            <source>Must be one of: {choices}.</source>
            <translation>必须是以下之一：{choices}。</translation>
        </message>
        <message>
            <source>This field is not expected here.</source>
            <translation>此处不应有此字段。</translation>
        </message>
        <message>
            <source>Unexpected fields: {names}.</source>
            <translation>意外的字段：{names}。</translation>
        </message>
        <message>
            <source>'{text}' is not a whole number.</source>
            <translation>“{text}”不是整数。</translation>
        </message>
        <message>
            <source>'{text}' is not a number.</source>
            <translation>“{text}”不是数字。</translation>
        </message>
        <message>
            <source>'{text}' is not true or false.</source>
            <translation>“{text}”不是 true 或 false。</translation>
        </message>
        <message>
            <source>Not valid JSON at line {line}, column {column}: {error}.</source>
            <translation>第 {line} 行第 {column} 列不是有效的 JSON：{error}。</translation>
        </message>
        <message>
            <source>Line {line}: {detail}</source>
            <translation>第 {line} 行：{detail}</translation>
        </message>
        <message>
            <source>The server says: {reason}</source>
            <translation>服务器提示：{reason}</translation>
        </message>
        <message>
            <source>Nothing to fill in.</source>
            <translation>无需填写任何内容。</translation>
        </message>
        <message>
            <source>required</source>
            <translation>必填</translation>
        </message>
        <message>
            <source>Field name: {name}</source>
            <translation>字段名：{name}</translation>
        </message>
        <message>
            <source>{lower} to {upper}</source>
            <translation>{lower} 到 {upper}</translation>
        </message>
        <message>
            <source>at least {lower}</source>
            <translation>至少 {lower}</translation>
        </message>
        <message>
            <source>at most {upper}</source>
            <translation>至多 {upper}</translation>
        </message>
        <message>
            <source>up to {count} characters</source>
            <translation>最多 {count} 个字符</translation>
        </message>
        <message>
            <source>one item per line</source>
            <translation>每行一项</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>default: {value}</source>
            <translation>默认值：{value}</translation>
        </message>
        <message>
            <source>The server refused these values: see the message under “{field}”.</source>
            <translation>服务器拒绝了这些值：请查看“{field}”下方的消息。</translation>
        </message>
    </context>
    <context>
        <name>ServerBanner</name>
        <message>
            <source>Server log…</source>
            <translation>服务器日志…</translation>
        </message>
        <message>
            <source>Repair database…</source>
            <translation>修复数据库…</translation>
        </message>
    </context>
    <context>
        <name>ServerLogDialog</name>
        <message>
            <source>Local server</source>
            <translation>本地服务器</translation>
        </message>
        <message>
            <source>Open log folder</source>
            <translation>打开日志文件夹</translation>
        </message>
        <message>
            <source>API: {url}</source>
            <translation>API：{url}</translation>
        </message>
        <message>
            <source>Processes: {pids}</source>
            <translation>进程：{pids}</translation>
        </message>
        <message>
            <source>Restarts: {count}</source>
            <translation>重启次数：{count}</translation>
        </message>
        <message>
            <source>Start server</source>
            <translation>启动服务器</translation>
        </message>
        <message>
            <source>Restart server</source>
            <translation>重启服务器</translation>
        </message>
        <message>
            <source>(The server log is empty so far: {path})</source>
            <translation>（服务器日志目前为空：{path}）</translation>
        </message>
    </context>
    <context>
        <name>ServerStatus</name>
        <message>
            <source>Launching the local server…</source>
            <translation>正在启动本地服务器…</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Server starting…</source>
            <translation>服务器正在启动…</translation>
        </message>
        <message>
            <source>Server restarting…</source>
            <translation>服务器正在重启…</translation>
        </message>
        <message>
            <source>Server ready</source>
            <translation>服务器已就绪</translation>
        </message>
        <message>
            <source>Server not answering</source>
            <translation>服务器无响应</translation>
        </message>
        <message>
            <source>Server stopping…</source>
            <translation>服务器正在停止…</translation>
        </message>
        <message>
            <source>Server stopped</source>
            <translation>服务器已停止</translation>
        </message>
        <message>
            <source>Server failed</source>
            <translation>服务器失败</translation>
        </message>
    </context>
    <context>
        <name>ServerStatusWidget</name>
        <message>
            <source>Server status and log</source>
            <translation>服务器状态和日志</translation>
        </message>
        <message>
            <source>Click for the server log.</source>
            <translation>点击查看服务器日志。</translation>
        </message>
        <message>
            <source>live</source>
            <translation>实时</translation>
        </message>
        <message>
            <source>polling</source>
            <translation>轮询</translation>
        </message>
        <message>
            <source>Run updates arrive as events (live).</source>
            <translation>运行更新以事件形式实时推送。</translation>
        </message>
        <message>
            <source>The event stream is unavailable: run updates are polled every second.</source>
            <translation>事件流不可用：每秒轮询一次运行更新。</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Enter the server's API address, e.g. http://my-server:4200/api</source>
            <translation>请输入服务器的 API 地址，例如 http://my-server:4200/api</translation>
        </message>
        <message>
            <source>The address must start with http:// or https://</source>
            <translation>地址必须以 http:// 或 https:// 开头</translation>
        </message>
        <message>
            <source>The address has no host name.</source>
            <translation>地址中没有主机名。</translation>
        </message>
        <message>
            <source>The port in the address is not a number.</source>
            <translation>地址中的端口不是数字。</translation>
        </message>
        <message>
            <source>A Prefect Cloud address names the account and workspace: …/api/accounts/&lt;account id&gt;/workspaces/&lt;workspace id&gt;</source>
            <translation>Prefect Cloud 地址需包含账户和工作区：…/api/accounts/&lt;account id&gt;/workspaces/&lt;workspace id&gt;</translation>
        </message>
        <message>
            <source>Replace ACCOUNT_ID and WORKSPACE_ID with your own (Prefect Cloud → Settings).</source>
            <translation>请将 ACCOUNT_ID 和 WORKSPACE_ID 替换为你自己的值（Prefect Cloud → Settings）。</translation>
        </message>
        <message>
            <source>Prefect's API lives under /api: e.g. {example}</source>
            <translation>Prefect 的 API 位于 /api 下：例如 {example}</translation>
        </message>
        <message>
            <source>Give the profile a name.</source>
            <translation>请为配置档案命名。</translation>
        </message>
        <message>
            <source>Choose a port between 1024 and 65535.</source>
            <translation>请选择 1024 到 65535 之间的端口。</translation>
        </message>
        <message>
            <source>Prefect Cloud needs an API key (it starts with pnu_).</source>
            <translation>Prefect Cloud 需要 API 密钥（以 pnu_ 开头）。</translation>
        </message>
        <message>
            <source>An auth string has the form user:password (the server's PREFECT_SERVER_API_AUTH_STRING).</source>
            <translation>认证字符串的格式为 user:password（即服务器的 PREFECT_SERVER_API_AUTH_STRING）。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Flowdesk settings</source>
            <translation>Flowdesk 设置</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>外观</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>通知</translation>
        </message>
    </context>
    <context>
        <name>State</name>
        <message>
            <source>Scheduled</source>
            <translation>已计划</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>等待中</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Cancelling</source>
            <translation>正在取消</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Crashed</source>
            <translation>已崩溃</translation>
        </message>
        <message>
            <source>Pause requested</source>
            <translation>已请求暂停</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>已延迟</translation>
        </message>
        <message>
            <source>AwaitingRetry</source>
            <translation>等待重试</translation>
        </message>
        <message>
            <source>Retrying</source>
            <translation>正在重试</translation>
        </message>
        <message>
            <source>Suspended</source>
            <translation>已挂起</translation>
        </message>
        <message>
            <source>Cached</source>
            <translation>已缓存</translation>
        </message>
        <message>
            <source>TimedOut</source>
            <translation>已超时</translation>
        </message>
        <message>
            <source>Submitting</source>
            <translation>正在提交</translation>
        </message>
        <message>
            <source>AwaitingConcurrencySlot</source>
            <translation>等待并发槽位</translation>
        </message>
        <message>
            <source>Resuming</source>
            <translation>正在恢复</translation>
        </message>
    </context>
    <context>
        <name>StateBand</name>
        <message>
            <source>No states yet.</source>
            <translation>尚无状态。</translation>
        </message>
    </context>
    <context>
        <name>StateBarChart</name>
        <message>
            <source>Last 24 hours</source>
            <translation>最近 24 小时</translation>
        </message>
        <message>
            <source>Click a bar to show those runs.</source>
            <translation>点击柱条以显示这些运行。</translation>
        </message>
    </context>
    <context>
        <name>StateTimeline</name>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>At</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>For</source>
            <translation>时长</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
    </context>
    <context>
        <name>TaskForm</name>
        <message>
            <source>Runs the body once per element of the list on its 'items' input, as `item`; results are collected in order. Extra inputs go to every run.</source>
            <translation>对其 'items' 输入中列表的每个元素运行一次主体，元素作为 `item` 传入；结果按顺序收集。额外输入会传给每次运行。</translation>
        </message>
        <message>
            <source>Extra inputs</source>
            <translation>额外输入</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Retries</source>
            <translation>重试次数</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>Retry delay</source>
            <translation>重试延迟</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Timeout</source>
            <translation>超时</translation>
        </message>
        <message>
            <source>Declared type of the result (checked on connect)</source>
            <translation>结果的声明类型（连接时检查）</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>返回值</translation>
        </message>
    </context>
    <context>
        <name>TaskGantt</name>
        <message>
            <source>No task runs (yet).</source>
            <translation>（尚）无任务运行。</translation>
        </message>
        <message>
            <source>not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>{name}
{state} · {duration}</source>
            <translation>{name}
{state} · {duration}</translation>
        </message>
    </context>
    <context>
        <name>TaskRunDetailView</name>
        <message>
            <source>State history</source>
            <translation>状态历史</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Back to the task runs only</source>
            <translation>返回仅显示任务运行</translation>
        </message>
        <message>
            <source>Argument</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Comes from</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Prefect records where each argument came from, not its value: a value computed in the flow or written in the code is not stored on the server.</source>
            <translation>Prefect 只记录每个参数的来源，不记录其值：在流程中算出或写在代码里的值不会保存在服务器上。</translation>
        </message>
        <message>
            <source>Loading the task run…</source>
            <translation>正在读取任务运行…</translation>
        </message>
        <message>
            <source>(no arguments)</source>
            <translation>（无参数）</translation>
        </message>
        <message>
            <source>Has not run yet.</source>
            <translation>尚未运行。</translation>
        </message>
        <message>
            <source>Ran once.</source>
            <translation>运行了 1 次。</translation>
        </message>
        <message>
            <source>Ran {count} times ({retries} retried).</source>
            <translation>运行了 {count} 次（重试 {retries} 次）。</translation>
        </message>
        <message>
            <source>Retries allowed: {count}, waiting {delays}.</source>
            <translation>允许重试 {count} 次，间隔 {delays}。</translation>
        </message>
        <message>
            <source>No retries allowed.</source>
            <translation>不允许重试。</translation>
        </message>
        <message>
            <source>the result of task {name}</source>
            <translation>任务 {name} 的结果</translation>
        </message>
        <message>
            <source>the result of subflow run {id}</source>
            <translation>子流程运行 {id} 的结果</translation>
        </message>
        <message>
            <source>the flow parameter “{name}”</source>
            <translation>流程参数“{name}”</translation>
        </message>
        <message>
            <source>a constant ({type})</source>
            <translation>常量（{type}）</translation>
        </message>
        <message>
            <source>a value from the flow (not recorded by Prefect)</source>
            <translation>流程中的值（Prefect 未记录）</translation>
        </message>
        <message>
            <source>The task run has not finished yet.</source>
            <translation>任务运行尚未结束。</translation>
        </message>
        <message>
            <source>The task run did not complete, so it has no result.</source>
            <translation>任务运行未完成，因此没有结果。</translation>
        </message>
        <message>
            <source>Not persisted: Prefect kept no copy of this task's result. Set persist_result=True on the task (or the flow) to see it here.</source>
            <translation>未持久化：Prefect 没有保存此任务的结果。在任务（或流程）上设置 persist_result=True 后即可在此查看。</translation>
        </message>
        <message>
            <source>The result could not be read.</source>
            <translation>无法读取结果。</translation>
        </message>
        <message>
            <source>Result:</source>
            <translation>结果：</translation>
        </message>
    </context>
    <context>
        <name>TextEditor</name>
        <message>
            <source>e.g. {example}</source>
            <translation>例如 {example}</translation>
        </message>
        <message>
            <source>empty: not set</source>
            <translation>留空：未设置</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>Flowdesk keeps running</source>
            <translation>Flowdesk 仍在运行</translation>
        </message>
        <message>
            <source>The window is hidden; runs keep going and you are told when one pauses. Quit from this icon's menu.</source>
            <translation>窗口已隐藏；运行会继续进行，有运行暂停时会通知你。可从此图标的菜单退出。</translation>
        </message>
        <message>
            <source>Server: connecting…</source>
            <translation>服务器：正在连接…</translation>
        </message>
        <message>
            <source>Last known: {counts}</source>
            <translation>上次已知：{counts}</translation>
        </message>
        <message>
            <source>{count} failed in the last 24 h</source>
            <translation>最近 24 小时内 {count} 个失败</translation>
        </message>
        <message>
            <source>Failed runs ({count})</source>
            <translation>失败的运行（{count}）</translation>
        </message>
        <message>
            <source>{count} more… (show the window)</source>
            <translation>还有 {count} 个…（显示窗口）</translation>
        </message>
        <message>
            <source>Clear failed runs</source>
            <translation>清除失败的运行</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Only runs of a deployment can be retried: run the flow anew.</source>
            <translation>只有部署的运行才能重试：请重新运行该流程。</translation>
        </message>
        <message>
            <source>run {id}</source>
            <translation>运行 {id}</translation>
        </message>
        <message>
            <source>Crashed: {run}</source>
            <translation>已崩溃：{run}</translation>
        </message>
        <message>
            <source>Failed: {run}</source>
            <translation>失败：{run}</translation>
        </message>
        <message>
            <source>Its process stopped without finishing (killed, out of memory or shut down).</source>
            <translation>它的进程未完成就停止了（被终止、内存不足或已关机）。</translation>
        </message>
        <message>
            <source>The flow raised an error.</source>
            <translation>流程抛出了错误。</translation>
        </message>
        <message>
            <source>Ended at {time}.</source>
            <translation>结束于 {time}。</translation>
        </message>
        <message>
            <source>Ended on {date} at {time}.</source>
            <translation>结束于 {date} {time}。</translation>
        </message>
        <message>
            <source>{count} runs failed</source>
            <translation>{count} 个运行失败</translation>
        </message>
        <message>
            <source>{count} runs crashed</source>
            <translation>{count} 个运行已崩溃</translation>
        </message>
        <message>
            <source>{failed} failed, {crashed} crashed</source>
            <translation>{failed} 个失败，{crashed} 个崩溃</translation>
        </message>
        <message>
            <source>crashed just now</source>
            <translation>刚刚崩溃</translation>
        </message>
        <message>
            <source>crashed {ago} ago</source>
            <translation>{ago}前崩溃</translation>
        </message>
        <message>
            <source>failed just now</source>
            <translation>刚刚失败</translation>
        </message>
        <message>
            <source>failed {ago} ago</source>
            <translation>{ago}前失败</translation>
        </message>
        <message>
            <source>Could not retry {run}</source>
            <translation>无法重试 {run}</translation>
        </message>
        <message>
            <source>A new attempt is scheduled. You will hear if it fails again.</source>
            <translation>已安排新的一次尝试。如果再次失败，你会收到通知。</translation>
        </message>
        <message>
            <source>Retrying {run}</source>
            <translation>正在重试 {run}</translation>
        </message>
        <message>
            <source>Paused runs ({count})</source>
            <translation>已暂停的运行（{count}）</translation>
        </message>
        <message>
            <source>No paused runs</source>
            <translation>没有已暂停的运行</translation>
        </message>
        <message>
            <source>{count} more… (show the Paused filter)</source>
            <translation>还有 {count} 个…（显示“已暂停”筛选）</translation>
        </message>
        <message>
            <source>Resume all paused runs of {deployment}</source>
            <translation>恢复 {deployment} 的所有已暂停运行</translation>
        </message>
        <message>
            <source>Hide window</source>
            <translation>隐藏窗口</translation>
        </message>
        <message>
            <source>Show window</source>
            <translation>显示窗口</translation>
        </message>
        <message>
            <source>Audit trail…</source>
            <translation>审计记录…</translation>
        </message>
        <message>
            <source>Open Prefect web UI</source>
            <translation>打开 Prefect 网页 UI</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>设置…</translation>
        </message>
        <message>
            <source>Quit Flowdesk</source>
            <translation>退出 Flowdesk</translation>
        </message>
        <message>
            <source>Waiting for input</source>
            <translation>等待输入</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Resume with input…</source>
            <translation>输入后恢复…</translation>
        </message>
        <message>
            <source>Show in window</source>
            <translation>在窗口中显示</translation>
        </message>
        <message>
            <source>Start server</source>
            <translation>启动服务器</translation>
        </message>
        <message>
            <source>Stop server</source>
            <translation>停止服务器</translation>
        </message>
        <message>
            <source>Restart server</source>
            <translation>重启服务器</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>未连接</translation>
        </message>
        <message>
            <source>Flowdesk is not connected to a Prefect server right now.</source>
            <translation>Flowdesk 当前未连接到 Prefect 服务器。</translation>
        </message>
        <message>
            <source>Waiting for your input.</source>
            <translation>正在等待你的输入。</translation>
        </message>
        <message>
            <source>Waiting for you to resume it.</source>
            <translation>正在等待你恢复。</translation>
        </message>
        <message>
            <source>{count} runs paused</source>
            <translation>{count} 个运行已暂停</translation>
        </message>
        <message>
            <source>Completed after its pause.</source>
            <translation>暂停后已完成。</translation>
        </message>
        <message>
            <source>Failed after its pause.</source>
            <translation>暂停后失败。</translation>
        </message>
        <message>
            <source>Crashed after its pause.</source>
            <translation>暂停后已崩溃。</translation>
        </message>
        <message>
            <source>Cancelled after its pause.</source>
            <translation>暂停后已取消。</translation>
        </message>
        <message>
            <source>Ended ({state}) after its pause.</source>
            <translation>暂停后已结束（{state}）。</translation>
        </message>
        <message>
            <source>Resumed</source>
            <translation>已恢复</translation>
        </message>
        <message>
            <source>Could not resume {run}</source>
            <translation>无法恢复 {run}</translation>
        </message>
        <message>
            <source>The server rejected it: {reason}. The run is still paused.</source>
            <translation>服务器拒绝了该操作：{reason}。运行仍处于已暂停状态。</translation>
        </message>
        <message>
            <source>Resume paused runs</source>
            <translation>恢复已暂停的运行</translation>
        </message>
        <message>
            <source>Resume {count} paused run(s) of {deployment}?</source>
            <translation>恢复 {deployment} 的 {count} 个已暂停运行？</translation>
        </message>
        <message>
            <source>{count} run(s) waiting for input stay paused: resume them one by one with their form.</source>
            <translation>{count} 个等待输入的运行将保持暂停：请通过各自的表单逐个恢复。</translation>
        </message>
        <message>
            <source>Resume {count}</source>
            <translation>恢复 {count} 个</translation>
        </message>
        <message>
            <source>Resumed {done} of {total} runs of {name}</source>
            <translation>已恢复 {name} 的 {done} / {total} 个运行</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>paused just now</source>
            <translation>刚刚暂停</translation>
        </message>
        <message>
            <source>paused {ago} ago</source>
            <translation>{ago}前暂停</translation>
        </message>
        <message>
            <source>{names} and {count} more</source>
            <translation>{names} 及另外 {count} 个</translation>
        </message>
        <message>
            <source>{count} paused</source>
            <translation>{count} 个已暂停</translation>
        </message>
        <message>
            <source>{count} running</source>
            <translation>{count} 个运行中</translation>
        </message>
        <message>
            <source>{count} pending</source>
            <translation>{count} 个等待中</translation>
        </message>
        <message>
            <source>{count} cancelling</source>
            <translation>{count} 个正在取消</translation>
        </message>
        <message>
            <source>No active runs</source>
            <translation>没有活动的运行</translation>
        </message>
    </context>
    <context>
        <name>Units</name>
        <message>
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <source>{minutes} min {seconds} s</source>
            <translation>{minutes} 分 {seconds} 秒</translation>
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation>{hours} 小时 {minutes} 分</translation>
        </message>
        <message>
            <source>{days} d {hours} h</source>
            <translation>{days} 天 {hours} 小时</translation>
        </message>
        <message>
            <source>{value} s</source>
            <translation>{value} 秒</translation>
        </message>
        <message>
            <source>{value} min</source>
            <translation>{value} 分</translation>
        </message>
        <message>
            <source>{value} h</source>
            <translation>{value} 小时</translation>
        </message>
    </context>
    <context>
        <name>VariableDialog</name>
        <message>
            <source>New variable</source>
            <translation>新建变量</translation>
        </message>
        <message>
            <source>Edit variable</source>
            <translation>编辑变量</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Value (JSON):</source>
            <translation>值(JSON)(&amp;V):</translation>
        </message>
        <message>
            <source>&amp;Tags:</source>
            <translation>标签(&amp;T):</translation>
        </message>
        <message>
            <source>lowercase letters, digits, - and _</source>
            <translation>小写字母、数字、- 和 _</translation>
        </message>
        <message>
            <source>comma-separated, optional</source>
            <translation>用逗号分隔,可不填</translation>
        </message>
        <message>
            <source>Flows read it with Variable.get("name"). Text goes in double quotes; numbers, true/false, null, lists and objects as JSON.</source>
            <translation>流程用 Variable.get("name") 读取它。文本要放在双引号里;数字、true/false、null、列表和对象按 JSON 写。</translation>
        </message>
    </context>
    <context>
        <name>VariablesLimits</name>
        <message>
            <source>Not connected to a Prefect server.</source>
            <translation>未连接到 Prefect 服务器。</translation>
        </message>
        <message>
            <source>Could not read them: {error}</source>
            <translation>无法读取:{error}</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Read at {time}.</source>
            <translation>读取于 {time}。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Value (JSON)</source>
            <translation>值(JSON)</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>更新时间</translation>
        </message>
        <message>
            <source>Global</source>
            <translation>全局</translation>
        </message>
        <message>
            <source>Deployment</source>
            <translation>部署</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>{used} of {limit}</source>
            <translation>{used} / {limit}</translation>
        </message>
        <message>
            <source>Every slot is taken: the next run that asks waits for one.</source>
            <translation>所有槽位都已占用:下一个请求槽位的运行需要等待。</translation>
        </message>
        <message>
            <source>Name or tag</source>
            <translation>名称或标签</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Slots in use</source>
            <translation>已占用槽位</translation>
        </message>
        <message>
            <source>Enforced</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Decay / s</source>
            <translation>衰减 / 秒</translation>
        </message>
    </context>
    <context>
        <name>VariablesView</name>
        <message>
            <source>Created variable {name}.</source>
            <translation>已创建变量 {name}。</translation>
        </message>
        <message>
            <source>Saved {name}.</source>
            <translation>已保存 {name}。</translation>
        </message>
        <message>
            <source>Delete variable {name}? Flows that read it will get None.</source>
            <translation>删除变量 {name}?读取它的流程将得到 None。</translation>
        </message>
        <message>
            <source>Delete variable</source>
            <translation>删除变量</translation>
        </message>
        <message>
            <source>Deleted variable {name}.</source>
            <translation>已删除变量 {name}。</translation>
        </message>
        <message>
            <source>No variables yet: New… makes one that flows read by name.</source>
            <translation>还没有变量:点“新建…”创建一个,流程按名称读取它。</translation>
        </message>
        <message>
            <source>{count} variable(s).</source>
            <translation>{count} 个变量。</translation>
        </message>
        <message>
            <source>Variables</source>
            <translation>变量</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>WindowAlert</name>
        <message>
            <source>{title} — {count} paused</source>
            <translation>{title} — {count} 个已暂停</translation>
        </message>
    </context>
    <context>
        <name>WorkPools</name>
        <message>
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <source>Not ready</source>
            <translation>未就绪</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Workers (last heartbeat)</source>
            <translation>工作进程（最近心跳）</translation>
        </message>
        <message>
            <source>Queued runs</source>
            <translation>排队的运行</translation>
        </message>
    </context>
    <context>
        <name>WorkPoolsView</name>
        <message>
            <source>Could not read the work pools: {error}</source>
            <translation>无法读取工作池：{error}</translation>
        </message>
        <message>
            <source>Reading the work pools…</source>
            <translation>正在读取工作池…</translation>
        </message>
        <message>
            <source>No work pools on this server: runs of served deployments run in the process that serves them.</source>
            <translation>此服务器上没有工作池：以 serve 方式提供的部署，其运行在提供它们的进程中执行。</translation>
        </message>
        <message>
            <source>{count} work pool(s), read at {time}.</source>
            <translation>{count} 个工作池，读取于 {time}。</translation>
        </message>
    </context>
</TS>
