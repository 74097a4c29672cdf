@echo off
rem Flipgate from the release archive on Windows: needs a JDK (or JRE) 17 or later on the PATH, or JAVA_HOME.
rem FLIPGATE_JAVA_OPTS replaces the default JVM options. The exit code is the gate's (0 PROMOTE, 1 BLOCK, 2, 3).
setlocal
set "HERE=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
if not defined FLIPGATE_JAVA_OPTS set "FLIPGATE_JAVA_OPTS=-XX:+UseSerialGC -Xms64m"
"%JAVA%" %FLIPGATE_JAVA_OPTS% -cp "%HERE%\lib\*" dev.flipgate.cli.FlipgateMain %*
exit /b %ERRORLEVEL%
