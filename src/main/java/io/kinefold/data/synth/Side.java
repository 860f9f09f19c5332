package io.kinefold.data.synth;

/** A body side, with its BODY_25 keypoint indices and its sign along the world's z axis. */
enum Side {
    RIGHT(+1, 2, 3, 4, 9, 10, 11, 22, 23, 24, 15, 17),
    LEFT(-1, 5, 6, 7, 12, 13, 14, 19, 20, 21, 16, 18);

    final int sign;
    final int shoulder;
    final int elbow;
    final int wrist;
    final int hip;
    final int knee;
    final int ankle;
    final int bigToe;
    final int smallToe;
    final int heel;
    final int eye;
    final int ear;

    Side(int sign, int shoulder, int elbow, int wrist, int hip, int knee, int ankle,
            int bigToe, int smallToe, int heel, int eye, int ear) {
        this.sign = sign;
        this.shoulder = shoulder;
        this.elbow = elbow;
        this.wrist = wrist;
        this.hip = hip;
        this.knee = knee;
        this.ankle = ankle;
        this.bigToe = bigToe;
        this.smallToe = smallToe;
        this.heel = heel;
        this.eye = eye;
        this.ear = ear;
    }

    Side opposite() {
        return this == RIGHT ? LEFT : RIGHT;
    }

    int[] arm() {
        return new int[] {elbow, wrist};
    }

    int[] leg() {
        return new int[] {knee, ankle, bigToe, smallToe, heel};
    }
}
