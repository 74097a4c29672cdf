import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Runs the same `flipgate gate` ROUNDS times in one JVM and prints each wall: the first is a cold
 * run (as every command-line gate is), the later ones show what the gate costs once the JVM has
 * loaded, initialised and JIT-compiled its code. Run by bench/gate-warm/run.sh.
 *   java -cp <flipgate's class path> WarmGates.java ROUNDS gate SUITE [OPTIONS...]
 */
public class WarmGates {
  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    String[] gate = Arrays.copyOfRange(args, 1, args.length);
    var discarded = new PrintWriter(OutputStream.nullOutputStream());
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      int exit = dev.flipgate.cli.FlipgateMain.execute(gate, discarded, discarded);
      if (exit > 1) {
        throw new IllegalStateException("round " + round + ": the gate failed (exit " + exit + ")");
      }
      System.out.printf("round %d: %.2f s%n", round, (System.nanoTime() - start) / 1e9);
    }
  }
}
