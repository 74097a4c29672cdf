package dev.flipgate.run;

import dev.flipgate.failure.Problem;
import java.util.ServiceLoader;

/** The gate engines on the class path, by name. */
public final class GateEngines {
  private GateEngines() {}

  /** The engine named {@code name}; a configuration error saying which engines there are when none is. */
  public static GateEngine named(String name) {
    var available = ServiceLoader.load(GateEngine.class).stream().map(ServiceLoader.Provider::get).toList();
    return available.stream().filter(engine -> engine.name().equals(name)).findFirst()
        .orElseThrow(() -> Problem.at("--engine").expected("local, or an engine on the class path "
                + available.stream().map(GateEngine::name).toList())
            .found("'" + name + "'")
            .whatToDo("run through ./flipgate, which puts flipgate-spark on the class path for --engine spark, or add"
                + " the engine's jar (dev.flipgate:flipgate-" + name + ") to the class path")
            .configurationError("unknown gate engine"));
  }
}
